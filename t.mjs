import { PGlite } from '@electric-sql/pglite';
let t=performance.now();
const db = await PGlite.create(); console.log('create', performance.now()-t); t=performance.now();
const blob = await db.dumpDataDir('gzip'); console.log('dump', performance.now()-t, blob.size); t=performance.now();
await db.close();
const db2 = await PGlite.create({ loadDataDir: blob }); console.log('load', performance.now()-t); t=performance.now();
console.log((await db2.query('select 1 as x')).rows);
