import { defineElement } from '@tandem/core';
import { TandemPoll } from './poll.js';

defineElement('tandem-poll', TandemPoll);
