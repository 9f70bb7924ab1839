// Runs the official Adaptive Cards packages for the C# card tests: one process answers a batch of requests.
// Input (stdin): {"command": "expand" | "validate" | "render", ...}; output (stdout): one JSON object.
// Modules come from NODE_PATH (the npm cache folder that tests/setup/node.sh fills with `npm ci`).
'use strict';
const fs = require('fs');
const path = require('path');

function readStdin() {
  return JSON.parse(fs.readFileSync(0, 'utf8'));
}

// Templating: expand every template with its data, exactly as the Designer and the JS SDK do.
function expand(request) {
  const ACData = require('adaptivecards-templating');
  return request.cases.map(c => {
    try {
      const card = new ACData.Template(c.template).expand({ $root: c.data });
      return { ok: true, card };
    } catch (e) {
      return { ok: false, error: String(e && e.message || e) };
    }
  });
}

function loadRenderer() {
  // lib/ is ES modules without file extensions, which Node cannot load; the UMD bundle needs no DOM to parse.
  return require('adaptivecards/dist/adaptivecards.js');
}

// Parse with a SerializationContext and validate: every warning the renderer would log is returned.
function validate(request) {
  const AC = loadRenderer();
  return request.cards.map(({ name, card }) => {
    const context = new AC.SerializationContext();
    const parsed = new AC.AdaptiveCard();
    parsed.parse(card, context);
    const events = [];
    for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i).message);
    const results = parsed.validateProperties();
    const failures = results.validationEvents.map(e => e.message);
    return { name, events, failures };
  });
}

// Render every card with the official renderer in headless Chromium, screenshot it, and return its visible text.
async function render(request) {
  const { chromium } = require('playwright-core');
  const bundle = require.resolve('adaptivecards/dist/adaptivecards.min.js');
  const userDataDir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'cards-chromium-'));
  const pageFile = path.join(userDataDir, 'cards.html');
  fs.writeFileSync(pageFile, `<!doctype html><html><head><meta charset="utf-8">
<style>body{margin:0;background:#fff;font-family:"Segoe UI","DejaVu Sans",sans-serif}#host{width:${request.width || 480}px;padding:12px}
.ac-pushButton{font:inherit;font-size:13px;font-weight:600;color:#4f52b2;background:#fff;border:1px solid #c8c6c4;border-radius:4px;padding:4px 12px;cursor:pointer}
.ac-pushButton.style-positive{color:#fff;background:#5b5fc7;border-color:#5b5fc7}</style>
<script src="${'file://' + bundle}"></script></head><body><div id="host"></div></body></html>`);
  fs.mkdirSync(request.outDir, { recursive: true });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: request.executablePath || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: (request.width || 480) + 24, height: 800 },
  });
  const blocked = [];
  try {
    const page = context.pages()[0] || await context.newPage();
    // Only the local page and the local bundle may load; anything else waits on a closed network.
    await page.route('**/*', route => {
      const url = new URL(route.request().url());
      const local = url.protocol === 'file:' || url.protocol === 'data:' || url.protocol === 'about:'
        || url.hostname === '127.0.0.1' || url.hostname === 'localhost';
      if (local) return route.continue();
      blocked.push(url.href);
      return route.abort();
    });
    const pageErrors = [];
    page.on('pageerror', e => pageErrors.push(String(e)));
    await page.goto('file://' + pageFile);
    const results = [];
    for (const { name, card } of request.cards) {
      const outcome = await page.evaluate(json => {
        const host = document.getElementById('host');
        host.innerHTML = '';
        const ac = new AdaptiveCards.AdaptiveCard();
        const warnings = [];
        const ctx = new AdaptiveCards.SerializationContext();
        ac.parse(json, ctx);
        for (let i = 0; i < ctx.eventCount; i++) warnings.push(ctx.getEventAt(i).message);
        ac.onExecuteAction = () => {};
        const element = ac.render();
        if (!element) return { error: 'render() returned nothing', warnings };
        host.appendChild(element);
        const rect = element.getBoundingClientRect();
        return { text: element.innerText, width: rect.width, height: rect.height, warnings,
          buttons: [...element.querySelectorAll('button')].map(b => b.innerText.trim()).filter(t => t) };
      }, card);
      const file = path.join(request.outDir, name + '.png');
      if (!outcome.error) await page.locator('#host').screenshot({ path: file });
      results.push({ name, ...outcome, screenshot: outcome.error ? null : file });
    }
    return { results, blocked, pageErrors };
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

(async () => {
  const request = readStdin();
  let output;
  switch (request.command) {
    case 'expand': output = { results: expand(request) }; break;
    case 'validate': output = { results: validate(request) }; break;
    case 'render': output = await render(request); break;
    default: throw new Error('unknown command ' + request.command);
  }
  process.stdout.write(JSON.stringify(output));
})().catch(e => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
