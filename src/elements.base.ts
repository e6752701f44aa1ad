/**
 * The first part of the elements' chunk (src/elements.ts imports it first): Lit, the core (the
 * store, the show's session, the texts) and what the elements share, then a pause for the page.
 * The chunk is one file, but its modules' top-level code no longer runs in one task: this
 * module's top-level `await` ends the task that evaluated the part above, and the components'
 * modules (class definitions, decorators, styles, texts) are evaluated in a task after it (a
 * chunk evaluated in one task was a long task of ~100 ms at 4x CPU, issue 19). Splitting it into
 * two files instead would cost bytes (each file compresses alone) and a second request.
 */
import 'lit';
import 'lit/decorators.js';
import './core/session.js';
import './core/store.js';
import './components/base.js';
import './components/shared/styles.js';
import './components/shared/locale-controller.js';
import './components/shared/store-controller.js';
import { yieldToPage } from './core/yield.js';

await yieldToPage();
