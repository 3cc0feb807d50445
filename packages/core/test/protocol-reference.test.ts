import { expect } from '@esm-bundle/chai';
import { readReference, REFERENCE, REFERENCE_ALPHABET } from '../src/protocol/reference.js';
import { referenceOf } from '../src/protocol/reference-of.js';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('references: what a resident is shown to ask about an answer later', () => {
  it('is the same for the same submission id, in the shape shown', () => {
    expect(referenceOf(ID)).to.equal(referenceOf(ID));
    expect(referenceOf(ID)).to.match(REFERENCE);
  });

  it('carries the random bits of the id: ids that differ in any of them have different references', () => {
    // Flip each of the 15 hexadecimal digits a reference is made from, one at a time.
    const hex = ID.replace(/-/g, '');
    const positions = [...Array(12).keys(), 13, 14, 15];
    const seen = new Set([referenceOf(ID)]);
    for (const position of positions) {
      const flipped = hex.slice(0, position) + (hex[position] === 'a' ? 'b' : 'a') + hex.slice(position + 1);
      const id = `${flipped.slice(0, 8)}-${flipped.slice(8, 12)}-${flipped.slice(12, 16)}-${flipped.slice(16, 20)}-${flipped.slice(20)}`;
      seen.add(referenceOf(id));
    }
    expect(seen.size).to.equal(positions.length + 1);
  });

  it('maps all-zero and all-one random bits to the ends of the alphabet', () => {
    expect(referenceOf('00000000-0000-4000-8000-000000000000')).to.equal('TDM-2222-2222-2222');
    expect(referenceOf('ffffffff-ffff-4fff-bfff-ffffffffffff')).to.equal('TDM-ZZZZ-ZZZZ-ZZZZ');
  });

  it('never uses a symbol that reads like another: no 0, O, 1 or I', () => {
    expect(REFERENCE_ALPHABET).to.have.length(32);
    for (const symbol of '0O1I') expect(REFERENCE_ALPHABET).not.to.include(symbol);
    for (let i = 0; i < 200; i++) expect(referenceOf(crypto.randomUUID()).slice(4)).to.match(/^[^01IO]+$/);
  });

  it('refuses what is not a version 4 UUID', () => {
    expect(() => referenceOf('not-a-uuid')).to.throw(TypeError);
    expect(() => referenceOf('0f8fad5b-d9cb-169f-a165-70867728950e')).to.throw(TypeError);
  });

  it('reads a reference as a person types it: any case, spaces or dashes, with or without the prefix', () => {
    const reference = referenceOf(ID);
    const symbols = reference.slice(4).replace(/-/g, '');
    expect(readReference(reference)).to.equal(reference);
    expect(readReference(` ${reference.toLowerCase()} `)).to.equal(reference);
    expect(readReference(symbols.toLowerCase())).to.equal(reference);
    expect(readReference(`tdm ${symbols.slice(0, 6)} ${symbols.slice(6)}`)).to.equal(reference);
    expect(readReference(`TDM–${symbols}`)).to.equal(reference);
  });

  it('does not guess at a letter the alphabet leaves out, nor take the wrong length', () => {
    expect(readReference('TDM-7K3Q-M2XP-R4WO')).to.equal(undefined);
    expect(readReference('TDM-7K3Q-M2XP-R41A')).to.equal(undefined);
    expect(readReference('TDM-7K3Q-M2XP')).to.equal(undefined);
    expect(readReference('TDM-7K3Q-M2XP-R4WAA')).to.equal(undefined);
    expect(readReference('')).to.equal(undefined);
  });
});
