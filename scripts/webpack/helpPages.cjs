/*
 * Emits one help page per custom function (help/<id>.html, the @helpurl of each
 * function) and an index (help/index.html) from the generated functions.json,
 * so the help says exactly what IntelliSense says.
 */
const { sources, Compilation } = require("webpack");

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function page(title, body) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="help.css">
</head>
<body>
${body}
</body>
</html>
`;
}

function functionPage(namespace, fn, enums) {
  const signature = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
  const rows = fn.parameters
    .map((p) => {
      const enumDef = p.customEnumId ? enums.find((e) => e.id === p.customEnumId) : undefined;
      const choices = enumDef ? ` Choices: ${enumDef.values.map((v) => `<code>"${escapeHtml(v.stringValue)}"</code>`).join(", ")}.` : "";
      return `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.optional ? "optional" : "required"}</td><td>${escapeHtml(p.description)}${choices}</td></tr>`;
    })
    .join("\n");
  return page(
    `${namespace}.${fn.id}`,
    `<p><a href="index.html">All AICOST functions</a></p>
<h1><code>${namespace}.${escapeHtml(fn.id)}(${escapeHtml(signature)})</code></h1>
<p>${escapeHtml(fn.description)}</p>
<h2>Parameters</h2>
<table><thead><tr><th>Parameter</th><th></th><th>Description and unit</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<h2>Ranges and errors</h2>
<p>Every parameter takes a single value or a range; ranges broadcast like Excel's own arithmetic and the result spills.
Text or TRUE/FALSE where a number belongs, or a blank required argument, gives <code>#VALUE!</code>;
a number outside its domain gives <code>#NUM!</code>; a missing catalog price gives <code>#N/A</code>.
A blank optional argument takes its default.</p>`,
  );
}

class HelpPagesPlugin {
  constructor(options) {
    this.options = { metadata: "functions.json", namespace: "AICOST", ...options };
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("HelpPagesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "HelpPagesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(this.options.metadata);
          if (!asset) return; // the metadata plugin reported its own error
          const metadata = JSON.parse(asset.source.source().toString());
          const { namespace } = this.options;
          const enums = metadata.enums || [];
          const links = [];
          for (const fn of metadata.functions) {
            const file = `help/${fn.id.toLowerCase()}.html`;
            compilation.emitAsset(file, new sources.RawSource(functionPage(namespace, fn, enums)));
            links.push(`<li><a href="${fn.id.toLowerCase()}.html"><code>${namespace}.${escapeHtml(fn.id)}</code></a>: ${escapeHtml(fn.description)}</li>`);
          }
          compilation.emitAsset(
            "help/index.html",
            new sources.RawSource(page(`${namespace} functions`, `<h1>${namespace} functions</h1>\n<ul>\n${links.join("\n")}\n</ul>`)),
          );
          compilation.emitAsset(
            "help/help.css",
            new sources.RawSource(
              "body{font-family:Segoe UI,system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#201f1e}" +
                "table{border-collapse:collapse}td,th{border:1px solid #c8c6c4;padding:.3rem .5rem;text-align:left;vertical-align:top}" +
                "code{font-family:Consolas,monospace}",
            ),
          );
        },
      );
    });
  }
}

module.exports = { HelpPagesPlugin };
