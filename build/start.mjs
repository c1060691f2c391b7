// `npm start`: launches the built app in Electron, or says in one sentence why it cannot.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let electronPath;
try {
  electronPath = require('electron');
} catch {
  electronPath = undefined;
}
if (typeof electronPath !== 'string' || !existsSync(electronPath)) {
  console.error(
    'RootLog cannot start here because the Electron binary is not installed (it could not be downloaded on this machine); run "npm run setup -- --tests && npm test" to test the app in Chromium, or run "npm run setup" on a machine with internet access.',
  );
  process.exit(1);
}
const child = spawn(electronPath, ['dist/electron/main.cjs', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
