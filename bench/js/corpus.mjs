// Loads one generated corpus (the JSON-lines files hanoi-bench wrote) and
// precomputes, per passage, the fields facets count: speaker, the speaker's
// country, and the document's month. The peers get these as flat arrays,
// which is how a competent JS app would hold them; our engine reads the same
// facts from its blob.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function lines(dir, name) {
  return readFileSync(join(dir, name), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

export function loadCorpus(dir) {
  const speakers = lines(dir, 'speakers.jsonl');
  const documents = lines(dir, 'documents.jsonl');
  const passages = lines(dir, 'passages.jsonl');
  const months = new Map();
  const monthOf = (date) => {
    const key = date ? date.slice(0, 7) : '';
    if (!months.has(key)) months.set(key, months.size);
    return months.get(key);
  };
  const facet = {
    speaker: Int32Array.from(passages, (p) => p.speaker ?? -1),
    country: Int32Array.from(passages, (p) => (p.speaker == null ? -1 : speakers[p.speaker].country ?? -1)),
    month: Int32Array.from(passages, (p) => monthOf(documents[p.doc].date)),
  };
  const queries = JSON.parse(readFileSync(join(dir, 'queries.json'), 'utf8'));
  return { passages, facet, queries, blob: readFileSync(join(dir, 'index.bin')) };
}
