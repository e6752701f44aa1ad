/**
 * Registers the live moments' elements: `<vitrine-deal-price>`, `<vitrine-announcement>`,
 * `<vitrine-poll>`. A lazy chunk: `<vitrine-show>` imports it when the first moment arrives, and
 * glides its list of moments with `glider` (glide.ts).
 */
import { defineElement } from '../define-element.js';
import { VitrineAnnouncement } from './announcement.js';
import { VitrineDealPrice } from './deal-price.js';
import { VitrinePoll } from './poll.js';

defineElement('vitrine-deal-price', VitrineDealPrice);
defineElement('vitrine-announcement', VitrineAnnouncement);
defineElement('vitrine-poll', VitrinePoll);

export { VitrineAnnouncement, VitrineDealPrice, VitrinePoll };
export { glider } from './glide.js';

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-deal-price': VitrineDealPrice;
    'vitrine-announcement': VitrineAnnouncement;
    'vitrine-poll': VitrinePoll;
  }
}
