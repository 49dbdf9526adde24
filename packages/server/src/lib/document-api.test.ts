import { describe, expect, it } from 'vitest';
import { derivedErrorCodes, errorResponses, securityFor } from './document-api.ts';
import { validateOpenApiDocument } from '../test-support/validate-openapi-document.ts';
import { CALENDAR_TOKEN, PATIENT_TOKEN, PUBLIC, permit } from './route-access.ts';

/** A small document in the shape app.swagger() produces: one operation, one shared schema. */
function smallDocument(): Record<string, unknown> {
  return {
    openapi: '3.0.3',
    info: { title: 'Small', version: '1.0.0' },
    components: {
      schemas: { ErrorOut: { type: 'object', properties: { error: { type: 'object' } } } },
      securitySchemes: { staffSession: { type: 'apiKey', in: 'cookie', name: 'myomap_session' } },
    },
    paths: {
      '/api/things/{id}': {
        get: {
          operationId: 'getThing',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          security: [{ staffSession: [] }],
          responses: {
            '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } },
            '404': { description: 'Not found', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorOut' } } } },
          },
        },
      },
    },
  };
}

describe('the OpenAPI validator', () => {
  it('accepts a valid document', async () => {
    expect(await validateOpenApiDocument(smallDocument())).toEqual([]);
  });

  it('rejects an operation without responses, a path parameter that is not required, and an unknown field', async () => {
    const broken = smallDocument() as { paths: Record<string, { get: Record<string, unknown> }> };
    const operation = broken.paths['/api/things/{id}']!.get;
    delete operation.responses;
    operation.parameters = [{ name: 'id', in: 'path', schema: { type: 'string' } }];
    operation.summery = 'a typo';
    expect((await validateOpenApiDocument(broken)).length).toBeGreaterThan(0);
  });

  it('rejects a reference to a schema the document does not have', async () => {
    const broken = smallDocument() as { components: { schemas: Record<string, unknown> } };
    delete broken.components.schemas.ErrorOut;
    expect(await validateOpenApiDocument(broken)).toEqual([expect.stringContaining('ErrorOut')]);
  });
});

describe('documenting a route from its declarations', () => {
  it('asks staff writes for the session cookie and the CSRF header, staff reads for the cookie alone', () => {
    expect(securityFor(permit('calendar.write'), 'POST', false)).toEqual([{ staffSession: [], csrfToken: [] }]);
    expect(securityFor(permit('calendar.read'), 'GET', false)).toEqual([{ staffSession: [] }]);
  });

  it('names the token scheme of link routes, and none for public routes or tokens in the path', () => {
    expect(securityFor(PATIENT_TOKEN, 'GET', true)).toEqual([{ patientLinkToken: [] }]);
    expect(securityFor(PATIENT_TOKEN, 'POST', false)).toEqual([]);
    expect(securityFor(CALENDAR_TOKEN, 'GET', true)).toEqual([{ calendarFeedToken: [] }]);
    expect(securityFor(PUBLIC, 'POST', false)).toEqual([]);
  });

  it('derives the errors a rate-limited public write and a staff read can send', () => {
    const booking = derivedErrorCodes(
      { method: 'POST', url: '/api/bookings', config: { access: PUBLIC, rateLimit: { max: 5 } }, schema: { body: {} } },
      'POST',
    );
    expect(booking).toEqual(expect.arrayContaining(['validation_failed', 'payload_too_large', 'unsupported_media_type', 'rate_limited']));
    expect(booking).not.toContain('unauthenticated');
    const read = derivedErrorCodes({ method: 'GET', url: '/api/staff/patients/:id', config: { access: permit('patient.contact.read') }, schema: {} }, 'GET');
    expect(read).toEqual(expect.arrayContaining(['unauthenticated', 'forbidden', 'not_found']));
    expect(read).not.toContain('csrf_failed');
  });

  it('groups error codes by their status from the error table', () => {
    const responses = errorResponses(['unauthenticated', 'forbidden', 'csrf_failed', 'slot_unavailable']);
    expect(Object.keys(responses)).toEqual(['401', '403', '409']);
    expect(JSON.stringify(responses['403'])).toContain('csrf_failed');
  });
});
