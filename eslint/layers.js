/**
 * The layering rule of the source tree, enforced by `npm run lint` (rule `layers/imports`): each
 * folder names what it must never import. Imports are resolved against the importing file, so
 * the rule holds at any depth and for re-exports and dynamic imports too.
 *
 * - the engine (`electron/engine/`) is plain Node: no CLI, no IPC handlers, no main-process file
 *   (`electron/*.ts`), no renderer, no Electron;
 * - the CLI (`electron/cli/`) runs the engine without the app: no handlers, no main-process file,
 *   no renderer, no Electron;
 * - `shared/` is seen by both processes: nothing from `electron/` or `renderer/`, no Electron;
 * - the renderer (`renderer/`) runs sandboxed: nothing from `electron/`, no Electron.
 */
import path from 'node:path';

const MAIN_PROCESS_FILE = {
  pattern: /^electron\/[^/]+$/,
  name: 'the main-process files (electron/*.ts)',
};
const CLI = { pattern: /^electron\/cli\//, name: 'the CLI (electron/cli/)' };
const HANDLERS = {
  pattern: /^electron\/handlers\//,
  name: 'the IPC handlers (electron/handlers/)',
};
const RENDERER = { pattern: /^renderer\//, name: 'the renderer (renderer/)' };
const ELECTRON_TREE = { pattern: /^electron\//, name: 'electron/' };

export const LAYERS = [
  {
    name: 'the engine',
    files: /^electron\/engine\//,
    forbidden: [CLI, HANDLERS, MAIN_PROCESS_FILE, RENDERER],
    packages: ['electron'],
  },
  {
    name: 'the CLI',
    files: /^electron\/cli\//,
    forbidden: [HANDLERS, MAIN_PROCESS_FILE, RENDERER],
    packages: ['electron'],
  },
  {
    name: 'shared/',
    files: /^shared\//,
    forbidden: [ELECTRON_TREE, RENDERER],
    packages: ['electron'],
  },
  {
    name: 'the renderer',
    files: /^renderer\//,
    forbidden: [ELECTRON_TREE],
    packages: ['electron'],
  },
];

const toPosix = (file) => file.split(path.sep).join('/');

const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps each folder to the imports its layer allows.' },
    schema: [],
    messages: {
      forbidden: '{{layer}} must not import {{what}} ("{{source}}").',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = toPosix(path.relative(root, context.filename));
    const layer = LAYERS.find((entry) => entry.files.test(file));
    if (!layer) return {};
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      if (!source.startsWith('.')) {
        const bare = source.startsWith('@')
          ? source.split('/').slice(0, 2).join('/')
          : source.split('/')[0];
        if (layer.packages.includes(bare))
          context.report({
            node,
            messageId: 'forbidden',
            data: { layer: layer.name, what: `the package ${bare}`, source },
          });
        return;
      }
      const target = toPosix(
        path.relative(root, path.resolve(path.dirname(context.filename), source)),
      );
      const hit = layer.forbidden.find((entry) => entry.pattern.test(target));
      if (hit)
        context.report({
          node,
          messageId: 'forbidden',
          data: { layer: layer.name, what: hit.name, source },
        });
    };
    const fromSource = (node) => {
      if (node.source) check(node.source, node.source.value);
    };
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node.source, node.source.value);
      },
    };
  },
};

export default { rules: { imports: importsRule } };
