/** The report form's rules apart from the page: checks, the request body, server errors by field. */
import { describe, expect, it } from 'vitest';
import {
  buildBody,
  checkDraft,
  emptyDraft,
  fieldOfPath,
  hasContent,
  newReportKey,
  placeServerError,
  sameBody,
  type ReportDraft,
} from './report-form.ts';
import type { PublicCategory } from './signals-api.ts';

const category = (overrides: Partial<PublicCategory> = {}): PublicCategory => ({
  code: 'vehicle-crime',
  name: { nl: 'Diefstal van of uit voertuig' },
  description: {},
  kind: 'crime',
  isPublic: true,
  asksBehaviour: false,
  blockingNotice: null,
  answerTargetDays: 7,
  questions: [
    {
      code: 'vehicle_type',
      label: { nl: 'Welk voertuig?' },
      type: 'singlevaluelist',
      required: true,
      options: [{ key: 'bicycle', label: { nl: 'Fiets' } }],
    },
    { code: 'count', label: { nl: 'Hoeveel?' }, type: 'number', required: false, options: [] },
    {
      code: 'items',
      label: { nl: 'Wat?' },
      type: 'multivaluelist',
      required: false,
      options: [
        { key: 'a', label: { nl: 'A' } },
        { key: 'b', label: { nl: 'B' } },
      ],
    },
  ],
  ...overrides,
});

const draft = (overrides: Partial<ReportDraft> = {}): ReportDraft => ({
  ...emptyDraft(),
  category: 'vehicle-crime',
  place: { lon: 3.72, lat: 51.05, source: 'map' },
  description: '  Mijn fiets werd gestolen aan het station.  ',
  answers: { vehicle_type: 'bicycle' },
  ...overrides,
});

class FakeApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { path: string; code: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

describe('newReportKey', () => {
  it('makes keys the server accepts, different every time', () => {
    const a = newReportKey();
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,128}$/);
    expect(newReportKey()).not.toBe(a);
  });
});

describe('checkDraft', () => {
  const now = new Date('2026-06-01T12:00:00Z');

  it('accepts a complete draft', () => {
    expect(checkDraft(draft(), category(), true, now)).toEqual({});
  });

  it('asks for a category first', () => {
    expect(checkDraft(draft(), null, true, now)).toEqual({ category: 'web.report.error_category' });
  });

  it('refuses a blocked category, a missing or outside place, a short text and missing answers', () => {
    const problems = checkDraft(
      draft({ place: null, description: 'kort', answers: {} }),
      category({ blockingNotice: { nl: 'Bel 112' } }),
      false,
      now,
    );
    expect(problems).toEqual({
      category: 'web.report.error_blocked',
      location: 'web.report.error_place',
      description: 'web.report.error_description_short',
      'answers/vehicle_type': 'web.form.required',
    });
    expect(checkDraft(draft(), category(), false, now)['location']).toBe('web.report.error_place_outside');
  });

  it('checks the time it happened, numbers and contact details', () => {
    const problems = checkDraft(
      draft({
        occurredAt: '2026-06-02T10:00',
        answers: { vehicle_type: 'bicycle', count: 'veel' },
        email: 'geen-adres',
        phone: 'abc',
      }),
      category(),
      true,
      now,
    );
    expect(problems).toEqual({
      occurredAt: 'web.report.error_time_future',
      'answers/count': 'web.report.error_number',
      'reporter/email': 'web.form.email_invalid',
      'reporter/phone': 'web.report.error_phone',
    });
    expect(checkDraft(draft({ occurredAt: '2025-01-01T10:00' }), category(), true, now)).toEqual({
      occurredAt: 'web.report.error_time_old',
    });
  });

  it('does not check contact details of an anonymous report', () => {
    expect(checkDraft(draft({ anonymous: true, email: 'x' }), category(), true, now)).toEqual({});
  });
});

describe('buildBody', () => {
  it('sends what the server expects, typed per question, and nothing of other categories', () => {
    const body = buildBody(
      draft({
        answers: { vehicle_type: 'bicycle', count: '2,5', items: ['b'], unrelated: 'x' },
        occurredAt: '2026-05-31T21:30',
        name: ' Jan ',
        email: 'jan@example.org',
        wantsUpdates: false,
        photos: [{ data: 'QUJDRA==', width: 10, height: 10, name: 'a.jpg' }],
        personDescription: 'droeg een breekijzer',
      }),
      category(),
      'fr',
    );
    expect(body).toEqual({
      category: 'vehicle-crime',
      description: 'Mijn fiets werd gestolen aan het station.',
      location: { lon: 3.72, lat: 51.05 },
      language: 'fr',
      occurredAt: new Date('2026-05-31T21:30').toISOString(),
      answers: { vehicle_type: 'bicycle', count: 2.5, items: ['b'] },
      photos: [{ data: 'QUJDRA==' }],
      reporter: {
        name: 'Jan',
        email: 'jan@example.org',
        wantsUpdates: false,
        consentShareWithPartner: false,
      },
    });
  });

  it('sends the description of a person only for behaviour categories', () => {
    const withPerson = draft({ personDescription: 'droeg een breekijzer' });
    expect(buildBody(withPerson, category({ asksBehaviour: true }), 'nl').personDescription).toBe(
      'droeg een breekijzer',
    );
    expect(buildBody(withPerson, category(), 'nl').personDescription).toBeUndefined();
  });

  it('sends no contact with an anonymous report, and no reporter without contact', () => {
    const anonymous = buildBody(draft({ anonymous: true, name: 'Jan' }), category(), 'nl');
    expect(anonymous.anonymous).toBe(true);
    expect(anonymous.reporter).toBeUndefined();
    expect(buildBody(draft(), category(), 'nl').reporter).toBeUndefined();
  });

  it('builds the same body from the same draft (the retry must match the first attempt)', () => {
    const d = draft({ occurredAt: '2026-05-31T21:30' });
    expect(sameBody(buildBody(d, category(), 'nl'), buildBody(d, category(), 'nl'))).toBe(true);
    expect(sameBody(buildBody(d, category(), 'nl'), buildBody(d, category(), 'en'))).toBe(false);
  });
});

describe('hasContent', () => {
  it('is false for a fresh draft and true once anything is chosen or typed', () => {
    expect(hasContent(emptyDraft())).toBe(false);
    expect(hasContent({ ...emptyDraft(), description: 'x' })).toBe(true);
    expect(hasContent({ ...emptyDraft(), answers: { q: [] } })).toBe(false);
  });
});

describe('server errors beside their fields', () => {
  it('maps detail paths to fields', () => {
    expect(fieldOfPath('body/description')).toBe('description');
    expect(fieldOfPath('body/answers/vehicle_type')).toBe('answers/vehicle_type');
    expect(fieldOfPath('body/reporter/email')).toBe('reporter/email');
    expect(fieldOfPath('body/photos/1/data')).toBe('photos');
    expect(fieldOfPath('body/location/lon')).toBe('location');
  });

  it('places the anti-profiling refusal beside the description', () => {
    const placed = placeServerError(
      new FakeApiError(400, 'behaviour_appearance_only', 'Appearance alone is not a reason.'),
    );
    expect(placed).toEqual({ fields: { description: 'Appearance alone is not a reason.' }, form: null });
  });

  it('keeps the summary when details name the fields', () => {
    const placed = placeServerError(
      new FakeApiError(400, 'validation_failed', 'Some of the information is missing.', [
        { path: 'body/description', code: 'minLength', message: 'Use at least 10 characters.' },
        { path: 'body/answers/count', code: 'answer_invalid', message: 'Wrong type.' },
      ]),
    );
    expect(placed.fields).toEqual({
      description: 'Use at least 10 characters.',
      'answers/count': 'Wrong type.',
    });
    expect(placed.form).toBe('Some of the information is missing.');
  });

  it('gives other errors to the form as a whole', () => {
    expect(placeServerError(new FakeApiError(429, 'rate_limited', 'Too many.'))).toEqual({
      fields: {},
      form: 'Too many.',
    });
    expect(placeServerError(new Error('boom'))).toEqual({ fields: {}, form: null });
  });
});
