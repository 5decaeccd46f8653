// Drives `sagelint lsp` with a real LSP client implementation: the protocol layer of VS Code's
// language client (vscode-languageserver-protocol over vscode-jsonrpc) and its text document
// model (vscode-languageserver-textdocument, which applies incremental edits the way VS Code
// does). Prints a JSON transcript of what the server answered; tests/lsp_client.rs asserts on it.
//
// usage: node drive.js <sagelint binary> <node_modules dir> <spec file>
'use strict';

const path = require('path');
const fs = require('fs');
const cp = require('child_process');
const url = require('url');

const [, , server, modules, specPath] = process.argv;
const proto = require(path.join(modules, 'vscode-languageserver-protocol', 'node'));
const { TextDocument } = require(path.join(modules, 'vscode-languageserver-textdocument'));

const TIMEOUT_MS = 30000;

function fail(message) {
  process.stderr.write(`drive.js: ${message}\n`);
  process.exit(2);
}

async function main() {
  const child = cp.spawn(server, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const conn = proto.createProtocolConnection(
    new proto.StreamMessageReader(child.stdout),
    new proto.StreamMessageWriter(child.stdin),
  );

  // Every publishDiagnostics, in order; waiters resolve on the first match after a mark.
  const published = [];
  let waiters = [];
  conn.onNotification(proto.PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    waiters = waiters.filter((w) => !w.check());
  });
  conn.onRequest(proto.RegistrationRequest.type, () => null);
  conn.listen();

  function waitFor(what, pred, from) {
    return new Promise((resolve, reject) => {
      const w = {
        check() {
          const hit = published.slice(from).find(pred);
          if (hit) {
            clearTimeout(w.timer);
            resolve(hit);
            return true;
          }
          return false;
        },
      };
      w.timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), TIMEOUT_MS);
      if (!w.check()) waiters.push(w);
    });
  }

  const transcript = {};
  const init = await conn.sendRequest(proto.InitializeRequest.type, {
    processId: process.pid,
    rootUri: url.pathToFileURL(path.dirname(specPath)).href,
    capabilities: {
      general: { positionEncodings: ['utf-16'] },
      workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: {
        synchronization: { didSave: true, dynamicRegistration: false },
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
      },
    },
    workspaceFolders: null,
  });
  transcript.positionEncoding = init.capabilities.positionEncoding;
  transcript.sync = init.capabilities.textDocumentSync;
  conn.sendNotification(proto.InitializedNotification.type, {});

  const uri = url.pathToFileURL(specPath).href;
  const doc = { current: TextDocument.create(uri, 'yaml', 1, fs.readFileSync(specPath, 'utf8')) };
  const at = (needle) => {
    const i = doc.current.getText().indexOf(needle);
    if (i < 0) fail(`${needle} not in the document`);
    return i;
  };

  // Incremental edits computed by the client's document model, sent as ranges.
  async function edit(changes, label) {
    const mark = published.length;
    const version = doc.current.version + 1;
    const sent = changes.map((c) => ({
      range: { start: doc.current.positionAt(c.start), end: doc.current.positionAt(c.end) },
      text: c.text,
    }));
    doc.current = TextDocument.update(doc.current, sent, version);
    conn.sendNotification(proto.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: sent,
    });
    const p = await waitFor(`${label} (version ${version})`, (p) => p.uri === uri && p.version === version, mark);
    transcript[label] = p.diagnostics;
    return p.diagnostics;
  }

  // 1. Open: the spec's known errors.
  let mark = published.length;
  conn.sendNotification(proto.DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'yaml', version: 1, text: doc.current.getText() },
  });
  transcript.open = (await waitFor('open', (p) => p.uri === uri && p.version === 1, mark)).diagnostics;

  // 2. Fix the enum typo and insert a comment line at the top (everything moves down a line).
  const fiel = at('Fiel');
  await edit(
    [
      { start: fiel, end: fiel + 4, text: 'File' },
      { start: 0, end: 0, text: '# edited in the editor\r\n' },
    ],
    'edited',
  );

  // 3. The quick fix of SL501 (remove VolumeKmsKeyId), applied by the client.
  const sl501 = transcript.edited.find((d) => d.code === 'SL501');
  if (!sl501) fail('no SL501 after the edit');
  const actions = await conn.sendRequest(proto.CodeActionRequest.type, {
    textDocument: { uri },
    range: sl501.range,
    context: { diagnostics: [sl501], only: ['quickfix'] },
  });
  transcript.actions = actions.map((a) => ({ title: a.title, kind: a.kind, edit: a.edit }));
  const remove = actions.find((a) => a.title.startsWith('Remove VolumeKmsKeyId'));
  if (!remove) fail(`no quick fix removing VolumeKmsKeyId: ${JSON.stringify(actions)}`);
  const textEdits = remove.edit.changes[uri];
  const fixed = TextDocument.applyEdits(doc.current, textEdits);
  await edit([{ start: 0, end: doc.current.getText().length, text: fixed }], 'quickFixed');
  transcript.afterQuickFix = doc.current.getText();

  // 4. Typing fast, mid-edit: 12 keystrokes in a burst, sent without waiting. The document is
  //    broken while typing (an unclosed flow mapping); the server reports the syntax error for
  //    the last version and stays up. Earlier versions may be skipped (debounce).
  const typed = 'Tags: [{Key: x';
  let cursor = doc.current.getText().length;
  mark = published.length;
  const burstFirst = doc.current.version + 1;
  for (const ch of typed) {
    const version = doc.current.version + 1;
    const pos = doc.current.positionAt(cursor);
    const sent = [{ range: { start: pos, end: pos }, text: ch }];
    doc.current = TextDocument.update(doc.current, sent, version);
    conn.sendNotification(proto.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: sent,
    });
    cursor += ch.length;
  }
  const last = doc.current.version;
  transcript.broken = (await waitFor('the burst', (p) => p.uri === uri && p.version === last, mark)).diagnostics;
  transcript.burst = {
    sent: last - burstFirst + 1,
    published: published.slice(mark).filter((p) => p.uri === uri).map((p) => p.version),
  };

  // 5. Repair it: close the mapping and the list.
  await edit([{ start: cursor, end: cursor, text: ', Value: y}]\r\n' }], 'repaired');

  // 6. Hover on a key; completion of a member name in ResourceConfig.
  const keyAt = doc.current.positionAt(at('InstanceType') + 3);
  const hover = await conn.sendRequest(proto.HoverRequest.type, { textDocument: { uri }, position: keyAt });
  transcript.hover = hover;
  const countEnd = at('InstanceCount: 1') + 'InstanceCount: 1'.length;
  mark = published.length;
  await edit([{ start: countEnd, end: countEnd, text: '\r\n  Vol' }], 'typingKey');
  const completionAt = doc.current.positionAt(countEnd + '\r\n  Vol'.length);
  const completion = await conn.sendRequest(proto.CompletionRequest.type, {
    textDocument: { uri },
    position: completionAt,
  });
  const items = Array.isArray(completion) ? completion : completion.items;
  transcript.completion = items.map((i) => ({ label: i.label, textEdit: i.textEdit }));

  // 7. Save: diagnostics again. Close: cleared.
  mark = published.length;
  conn.sendNotification(proto.DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  transcript.saved = (await waitFor('save', (p) => p.uri === uri, mark)).diagnostics;
  mark = published.length;
  conn.sendNotification(proto.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  transcript.closed = (await waitFor('close', (p) => p.uri === uri, mark)).diagnostics;

  // 8. A YAML file that is not a training job request: nothing.
  const other = url.pathToFileURL(path.join(path.dirname(specPath), 'docker-compose.yaml')).href;
  mark = published.length;
  conn.sendNotification(proto.DidOpenTextDocumentNotification.type, {
    textDocument: { uri: other, languageId: 'yaml', version: 1, text: 'services:\n  web:\n    image: nginx\n' },
  });
  transcript.notARequest = (await waitFor('other file', (p) => p.uri === other, mark)).diagnostics;

  // 9. Shutdown and exit.
  transcript.shutdown = await conn.sendRequest(proto.ShutdownRequest.type);
  conn.sendNotification(proto.ExitNotification.type);
  transcript.exitCode = await Promise.race([
    exited,
    new Promise((resolve) => setTimeout(() => resolve('did not exit'), TIMEOUT_MS).unref()),
  ]);
  conn.dispose();
  process.stdout.write(JSON.stringify(transcript), () => process.exit(0));
}

main().catch((e) => fail(e.stack || String(e)));
