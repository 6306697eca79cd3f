import { workspaceFromFolder, check, shortLine } from './engine';
const dir = process.argv[2]!;
const idx = workspaceFromFolder(dir);
for (const d of check(idx)) console.log(shortLine(idx, d) + ' | ' + d.message);
