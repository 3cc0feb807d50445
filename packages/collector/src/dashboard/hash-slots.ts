// At most `slots` password hashes at once. scrypt runs on libuv's thread pool, four threads by
// default: a spray of sign-ins filled them all and took the CPU from every other page (554 ms
// for the inbox in the attack). A few more attempts wait their turn; beyond that the caller
// is told to come back (503 with Retry-After), since one more hash would only be slower for all.

export type HashSlots = {
  /** Runs `work` in a slot, once one is free; 'busy' without running it when the queue is full. */
  run: <T>(work: () => Promise<T>) => Promise<T | 'busy'>;
  /** Hashing now, and waiting: for tests and logs. */
  readonly active: number;
  readonly waiting: number;
};

export function hashSlots({ slots, queue }: { slots: number, queue: number }): HashSlots {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    // The slot passes straight to the next in line, so `active` never dips and lets a newcomer jump the queue.
    if (next) next();
    else active--;
  };
  return {
    async run(work) {
      if (active < slots) active++;
      else if (waiting.length < queue) await new Promise<void>((resolve) => waiting.push(resolve));
      else return 'busy';
      try {
        return await work();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return waiting.length;
    },
  };
}
