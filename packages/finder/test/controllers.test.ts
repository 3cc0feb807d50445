// Core's SettleLog and Delay as the finder uses them, on a fake clock: what is sent, and when.
import { expect } from '@esm-bundle/chai';
import { Delay, SettleLog } from '@tandem/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FakeClock } from '../../../test/support/fake-clock.js';

class Host implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  updates = 0;
  addController(controller: ReactiveController) {
    this.controllers.push(controller);
  }
  removeController() {}
  requestUpdate() {
    this.updates += 1;
  }
  get updateComplete() {
    return Promise.resolve(true);
  }
}

function log(clock: FakeClock, current: { key: string; value: string } | undefined) {
  const sent: [string, number][] = [];
  const entry = { current };
  const settleLog = new SettleLog<string>(new Host(), {
    delayMs: 1000,
    clock: () => clock,
    read: () => entry.current,
    send: (value, fillMs) => {
      sent.push([value, fillMs]);
      return Promise.resolve();
    },
  });
  return { settleLog, sent, entry };
}

describe('SettleLog', () => {
  it('sends once the changes pause, with the time from the first change', () => {
    const clock = new FakeClock();
    const { settleLog, sent } = log(clock, { key: 'a', value: 'help' });
    settleLog.changed();
    clock.advance(600);
    settleLog.changed();
    clock.advance(999);
    expect(sent).to.deep.equal([]);
    clock.advance(1);
    expect(sent).to.deep.equal([['help', 1600]]);
  });

  it('sends an entry at most once, however often it settles; a new key is sent again', () => {
    const clock = new FakeClock();
    const { settleLog, sent, entry } = log(clock, { key: 'a', value: 'help' });
    settleLog.changed();
    void settleLog.settle();
    void settleLog.settle();
    clock.advance(5000);
    expect(sent.map(([value]) => value)).to.deep.equal(['help']);
    entry.current = { key: 'b', value: 'help at home' };
    void settleLog.settle();
    expect(sent.map(([value]) => value)).to.deep.equal(['help', 'help at home']);
  });

  it('sends nothing when there is nothing worth sending, or once cancelled, or after the host disconnects', () => {
    const clock = new FakeClock();
    const empty = log(clock, undefined);
    empty.settleLog.changed();
    clock.advance(2000);
    expect(empty.sent).to.deep.equal([]);
    const cancelled = log(clock, { key: 'a', value: 'x' });
    cancelled.settleLog.changed();
    cancelled.settleLog.cancel();
    const gone = log(clock, { key: 'a', value: 'y' });
    gone.settleLog.changed();
    gone.settleLog.hostDisconnected();
    clock.advance(2000);
    expect([...cancelled.sent, ...gone.sent]).to.deep.equal([]);
    expect(clock.pending()).to.deep.equal([]);
  });
});

describe('Delay', () => {
  it('runs once, after the last restart', () => {
    const clock = new FakeClock();
    const delay = new Delay(() => clock);
    let runs = 0;
    delay.restart(100, () => (runs += 1));
    clock.advance(50);
    delay.restart(100, () => (runs += 1));
    clock.advance(99);
    expect([runs, delay.pending]).to.deep.equal([0, true]);
    clock.advance(1);
    expect([runs, delay.pending]).to.deep.equal([1, false]);
  });
});
