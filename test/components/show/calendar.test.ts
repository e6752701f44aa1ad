/**
 * "Add to calendar" of a scheduled show: the iCalendar writer is a chunk of its own (issue 19, the
 * first view's bytes), so `calendarFile()` resolves with the `.ics` text and the button downloads
 * it once that chunk is in.
 */
import { expect } from '@open-wc/testing';
import { mountShow, shadow, showDoc, until } from './helpers.js';

const startsAt = new Date(Date.UTC(2030, 0, 15, 18, 30)).toISOString();

describe('<vitrine-show> "Add to calendar"', () => {
  it('calendarFile() resolves with the scheduled show as an iCalendar event; a show without a start time has none', async () => {
    const { el } = await mountShow(showDoc({ status: 'scheduled', startsAt, title: 'Winter drop' }));
    await until(() => el.store.state.status === 'scheduled', 'the scheduled show');
    const text = await el.calendarFile();
    expect(text).to.be.a('string');
    expect(text).to.include('BEGIN:VCALENDAR');
    expect(text).to.include('SUMMARY:Winter drop');
    expect(text).to.include('DTSTART:20300115T183000Z');
    el.remove();

    const live = await mountShow(showDoc({ status: 'live' }));
    await until(() => live.el.store.state.status === 'live', 'the live show');
    expect(await live.el.calendarFile()).to.equal(undefined);
    live.el.remove();
  });

  it('the button downloads the .ics file', async () => {
    const { el } = await mountShow(showDoc({ status: 'scheduled', startsAt, title: 'Winter drop' }));
    const button = (await until(() => shadow(el, '[part~="calendar-button"]') as HTMLButtonElement | null, 'Add to calendar'))!;
    const clicked: { name: string; text: string }[] = [];
    const original = HTMLAnchorElement.prototype.click;
    // The link's click is the download: recorded (with the file's text) instead of followed.
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      void fetch(this.href)
        .then((r) => r.text())
        .then((text) => clicked.push({ name: this.download, text }));
    };
    try {
      button.click();
      await until(() => clicked.length > 0, 'the download');
    } finally {
      HTMLAnchorElement.prototype.click = original;
      el.remove();
    }
    expect(clicked[0]!.name).to.match(/\.ics$/);
    expect(clicked[0]!.text).to.include('SUMMARY:Winter drop');
  });
});
