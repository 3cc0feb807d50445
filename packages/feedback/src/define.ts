import { defineElement } from '@tandem/core';
import { TandemFeedback } from './feedback.js';

defineElement('tandem-feedback', TandemFeedback);
