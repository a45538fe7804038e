/**
 * Sets the ON UPDATE action of a Drizzle foreign key: the `onUpdate` property of `.references(…, {…})`
 * or the `.onUpdate(…)` of a `foreignKey({...})`. NO ACTION, PostgreSQL's default, is written by removing
 * the action (and an options object left empty). Text is spliced at node offsets, so every other byte is
 * kept, and new text follows the file's quotes and the surrounding layout.
 *
 * Options: table, column (SQL names of the referencing column), onUpdate (NO ACTION | RESTRICT | CASCADE |
 * SET NULL | SET DEFAULT; Drizzle's lowercase spelling is accepted too).
 *
 * Runs under the jscodeshift CLI as is:
 *   npx jscodeshift -t transforms/drizzle-fk-on-update.ts --parser=ts \
 *     --table=credit_transactions --column=user_id --onUpdate="NO ACTION" schema.ts
 * jscodeshift loads transforms through @babel/register (its default `--babel`), which compiles this file
 * and the `.ts` files it imports to CommonJS; `import type` is erased, so "type": "module" is no obstacle.
 */
import { fkActionTransform } from './lib/drizzle-fk-action.ts';

export const parser = 'ts';

export default fkActionTransform('onUpdate', 'drizzle-fk-on-update');
