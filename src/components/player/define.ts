import { defineElement } from '../define-element.js';
import { VitrinePlayer } from './player.js';

defineElement('vitrine-player', VitrinePlayer);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-player': VitrinePlayer;
  }
}
