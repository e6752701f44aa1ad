import { defineElement } from '../define-element.js';
import { VitrineChat } from './chat.js';

defineElement('vitrine-chat', VitrineChat);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-chat': VitrineChat;
  }
}
