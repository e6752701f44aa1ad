import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { LitElement, css, html, nothing } from 'lit';
import { LazyPart, lazyModule, type LazyModule } from '../../../src/components/shared/lazy-part.js';

interface Part {
  text: string;
  styles: ReturnType<typeof css>;
}

/** An import that fails (as offline) until `online`, counting its calls. */
function flakyImport() {
  const state = { calls: 0, online: false };
  const lazy = lazyModule<Part>(async () => {
    state.calls += 1;
    await new Promise((resolve) => setTimeout(resolve, 10));
    if (!state.online) throw new TypeError('Failed to fetch dynamically imported module');
    return { text: 'the part', styles: css`p { margin-top: 7px; }` };
  });
  return { state, lazy };
}

let lazy: LazyModule<Part>;
class LazyHost extends LitElement {
  errors: unknown[] = [];
  wanted = true;
  content = new LazyPart(this, lazy, {
    styles: (module) => module.styles,
    failed: (error) => {
      this.errors.push(error);
      this.wanted = false;
    },
  });
  protected override getUpdateComplete(): Promise<boolean> {
    return this.content.settle(super.getUpdateComplete(), () => super.getUpdateComplete());
  }
  override render() {
    if (!this.wanted) return nothing;
    const module = this.content.get();
    return module ? html`<p>${module.text}</p>` : nothing;
  }
}
customElements.define('lazy-part-host', LazyHost);

describe('LazyPart (the lazy drawer and detail content)', () => {
  it('a failed fetch is reported once and not retried on every render; retry() fetches again; then it renders with its styles', async () => {
    const flaky = flakyImport();
    lazy = flaky.lazy;
    const el = await fixture<LazyHost>(fixtureHtml`<lazy-part-host></lazy-part-host>`);
    expect(el.errors).to.have.length(1);
    expect(el.shadowRoot!.querySelector('p')).to.equal(null);
    const calls = flaky.state.calls;
    for (let i = 0; i < 5; i += 1) {
      el.requestUpdate();
      await el.updateComplete;
    }
    el.wanted = true;
    el.requestUpdate();
    await el.updateComplete;
    expect(flaky.state.calls, 'no new fetch while failed').to.equal(calls);
    expect(el.errors).to.have.length(1);

    flaky.state.online = true;
    el.content.retry();
    el.requestUpdate();
    await el.updateComplete; // waits for the module and the render after it
    const p = el.shadowRoot!.querySelector('p');
    expect(p?.textContent).to.equal('the part');
    expect(getComputedStyle(p!).marginTop).to.equal('7px');
    expect(el.content.loaded).to.equal(true);
    expect(el.errors).to.have.length(1);
  });

  it('imports once per page, shared by every element', async () => {
    const flaky = flakyImport();
    flaky.state.online = true;
    lazy = flaky.lazy;
    const [a, b] = await Promise.all([
      fixture<LazyHost>(fixtureHtml`<lazy-part-host></lazy-part-host>`),
      fixture<LazyHost>(fixtureHtml`<lazy-part-host></lazy-part-host>`),
    ]);
    expect(a.shadowRoot!.querySelector('p')?.textContent).to.equal('the part');
    expect(b.shadowRoot!.querySelector('p')?.textContent).to.equal('the part');
    expect(flaky.state.calls).to.equal(1);
  });
});
