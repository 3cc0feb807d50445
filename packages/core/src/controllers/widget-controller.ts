import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A reactive controller of a widget element, with the options the element gives it. */
export abstract class WidgetController<Options> implements ReactiveController {
  protected readonly host: ReactiveControllerHost;
  protected readonly options: Options;

  constructor(host: ReactiveControllerHost, options: Options) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {}
}
