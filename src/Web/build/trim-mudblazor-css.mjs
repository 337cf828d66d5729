// Copies MudBlazor's stylesheet without its responsive utility classes (.mb-sm-3, .d-md-flex, .gap-lg-2, ... in
// @media blocks): no page or MudBlazor component here uses them, and they are about a quarter of its 638 KB, which a
// phone must download and parse before the first paint. Component styles (.mud-*) and the plain utilities stay.
// Usage: node trim-mudblazor-css.mjs <MudBlazor.min.css> <output>
import fs from 'node:fs';
import postcss from 'postcss';

const [input, output] = process.argv.slice(2);
// A utility class with a breakpoint infix (name-sm-value). Kept: MudBlazor's component classes (.mud-grid-item-md-6)
// and the flex-direction ones (.flex-md-row), which MudStack sets from code.
const responsiveUtility = /\.(?!mud-|flex-)[a-z]+(?:-[a-z]+)*-(?:xs|sm|md|lg|xl|xxl)-[\w-]+/;

const root = postcss.parse(fs.readFileSync(input, 'utf8'), { from: input });
let removed = 0;
root.walkRules(rule => {
    if (rule.selectors.every(s => responsiveUtility.test(s))) { rule.remove(); removed++; }
});
root.walkAtRules(at => { if (at.nodes && at.nodes.length === 0) at.remove(); });
const css = root.toString();
fs.writeFileSync(output, css);
console.log(`trim-mudblazor-css: ${removed} responsive utility rules removed, ${fs.statSync(input).size} -> ${css.length} bytes`);
