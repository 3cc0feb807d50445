import { defineElement } from '@tandem/core';
import { TandemFinder } from './finder.js';

defineElement('tandem-finder', TandemFinder);
