import { defineElement } from '@tandem/core';
import { TandemPledge } from './pledge.js';

defineElement('tandem-pledge', TandemPledge);
