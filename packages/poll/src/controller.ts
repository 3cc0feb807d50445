// The poll's controllers are widget controllers like any other widget's.
export { WidgetController as PollController } from '@tandem/core';
