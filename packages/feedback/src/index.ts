export { TandemFeedback, FEEDBACK_MAX_LENGTH, type FeedbackReason, type FeedbackState } from './feedback.js';
