/**
 * MiniSearch, with its index built in bulk. `addAll` walks MiniSearch's radix tree once per
 * posting (each term of each field of each entry): profiled on 5,000 services, that walk
 * was the largest part of the first build. Here postings are gathered in a hash map and the
 * tree is walked once per distinct term. The result is the index `addAll` makes (the same
 * postings, field lengths and average lengths); it fills the members MiniSearch keeps
 * `protected` for subclasses, so searching is MiniSearch's own. (`loadJS`, the public way
 * to hand over an index, converts plain objects to maps entry by entry: slower than addAll.)
 */
import MiniSearch from 'minisearch';

type FieldPostings = Map<number, Map<number, number>>;

export class BulkMiniSearch<T> extends MiniSearch<T> {
  /**
   * Indexes `count` documents, with ids 0 to count - 1, into an empty index. `termsOf` gives
   * a document's distinct terms in a field (by the field's place in `fields`), processed.
   */
  addAllInBulk(count: number, fields: readonly string[], termsOf: (doc: number, field: number) => readonly string[]): void {
    if (this._documentCount) throw new Error('addAllInBulk needs an empty index');
    const postings = new Map<string, FieldPostings>();
    const ids = fields.map((field) => this._fieldIds[field]!);
    const totals = fields.map(() => 0);
    for (let doc = 0; doc < count; doc++) {
      this._documentIds.set(doc, doc);
      this._idToShortId.set(doc, doc);
      const lengths: number[] = [];
      for (let field = 0; field < fields.length; field++) {
        const fieldId = ids[field]!;
        const terms = termsOf(doc, field);
        // MiniSearch counts a field's distinct terms as its length.
        lengths[fieldId] = terms.length;
        totals[field] = totals[field]! + terms.length;
        for (const term of terms) {
          let byField = postings.get(term);
          if (!byField) postings.set(term, (byField = new Map()));
          let byDoc = byField.get(fieldId);
          if (!byDoc) byField.set(fieldId, (byDoc = new Map()));
          byDoc.set(doc, (byDoc.get(doc) ?? 0) + 1);
        }
      }
      this._fieldLength.set(doc, lengths);
    }
    for (const [term, data] of postings) this._index.set(term, data);
    this._avgFieldLength = [];
    fields.forEach((_, field) => (this._avgFieldLength[ids[field]!] = count ? totals[field]! / count : 0));
    this._documentCount = count;
    this._nextId = count;
  }
}
