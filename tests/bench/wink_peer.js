// wink_peer.js: the peer for the extraction benchmark (issue 16, target 2).
// Reads every file under DIR, runs wink-nlp's English model over each
// (tokens, sentences, entities: the part of its pipeline nearest to what
// `touchline extract` does) and prints one line: files, bytes, the seconds
// spent in readDoc + entities, and MB/s. Run by tests/bench/extract_peer.sh,
// which installs wink-nlp into the bench folder (never into the repository).
//
// usage: node wink_peer.js DIR
'use strict';
const fs = require('fs');
const path = require('path');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');

function files(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

const nlp = winkNLP(model);
const texts = files(process.argv[2]).map((p) => fs.readFileSync(p, 'utf8'));
let bytes = 0;
let entities = 0;
const t0 = process.hrtime.bigint();
for (const t of texts) {
  const doc = nlp.readDoc(t);
  entities += doc.entities().length();
  bytes += Buffer.byteLength(t);
}
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`${texts.length} files ${bytes} bytes ${entities} entities ${s.toFixed(3)} s ${(bytes / s / 1e6).toFixed(2)} MB/s`);
