// Contact details sealed at rest: only the configured key opens them, only on their own
// offer, and nothing of them shows in the sealed form.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { contactSealer, readContactKey } from '../src/pledges/contact-sealing.js';

const KEY = randomBytes(32);

describe('contact details sealed at rest', () => {
  it('opens what it sealed, for the same offer', () => {
    const sealer = contactSealer(KEY);
    const sealed = sealer.seal('Siân Jones · 07700 900982', 'offer-1');
    assert.equal(sealer.open(sealed, 'offer-1'), 'Siân Jones · 07700 900982');
    assert.ok(!sealed.includes('Siân') && !sealed.includes('07700') && !sealed.includes(Buffer.from('Siân Jones').toString('base64')));
  });

  it('seals the same text differently each time', () => {
    const sealer = contactSealer(KEY);
    assert.notEqual(sealer.seal('sian@example.org', 'offer-1'), sealer.seal('sian@example.org', 'offer-1'));
  });

  it('does not open on another offer, with another key, or altered', () => {
    const sealer = contactSealer(KEY);
    const sealed = sealer.seal('sian@example.org', 'offer-1');
    assert.throws(() => sealer.open(sealed, 'offer-2'));
    assert.throws(() => contactSealer(randomBytes(32)).open(sealed, 'offer-1'), /sealed with another key/);
    const body = sealed.split('.')[2]!;
    const altered = `${sealed.slice(0, sealed.length - body.length)}${body.slice(0, 20)}${body[20] === 'A' ? 'B' : 'A'}${body.slice(21)}`;
    assert.throws(() => sealer.open(altered, 'offer-1'));
    assert.throws(() => sealer.open('sian@example.org', 'offer-1'), /not a sealed contact detail/);
  });

  it('reads a configured key written as base64 or hexadecimal, and refuses anything else without quoting it', () => {
    assert.deepEqual(readContactKey(KEY.toString('base64')), KEY);
    assert.deepEqual(readContactKey(` ${KEY.toString('hex')}\n`), KEY);
    for (const bad of ['', 'secret', randomBytes(16).toString('base64'), randomBytes(31).toString('hex')]) {
      assert.throws(() => readContactKey(bad), (error: Error) => /openssl rand -base64 32/.test(error.message) && (bad === '' || !error.message.includes(bad)));
    }
  });
});
