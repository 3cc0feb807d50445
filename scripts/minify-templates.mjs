// A Rollup plugin that squeezes the white space out of Lit's css`` and html`` templates,
// which terser leaves alone because it cannot know that it is insignificant.
import { walk } from 'estree-walker';
import MagicString from 'magic-string';

const squeezeCss = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}')
    .trim();

// In HTML only white space that spans a line break is dropped to one space: "a\n  b" keeps
// its word gap, and inline elements keep theirs.
const squeezeHtml = (text) => text.replace(/\s*\n\s*/g, ' ').replace(/> </g, '><');

export function minifyTemplates() {
  return {
    name: 'tandem-minify-templates',
    transform(code, id) {
      if (!/\b(css|html)\s*`/.test(code) || id.includes('node_modules')) return null;
      const ast = this.parse(code);
      const out = new MagicString(code);
      walk(ast, {
        enter(node) {
          if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') return;
          const squeeze = node.tag.name === 'css' ? squeezeCss : node.tag.name === 'html' ? squeezeHtml : null;
          if (!squeeze) return;
          for (const quasi of node.quasi.quasis) {
            const raw = quasi.value.raw;
            const next = squeeze(raw);
            if (next !== raw && quasi.end > quasi.start) out.overwrite(quasi.start, quasi.end, next);
          }
        },
      });
      return { code: out.toString(), map: out.generateMap({ hires: true }) };
    },
  };
}
