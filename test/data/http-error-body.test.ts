import { expect } from '@open-wc/testing';
import { createWordPressSource } from '../../src/data/adapters/wordpress.js';
import { HttpError } from '../../src/data/errors.js';
import { HttpClient } from '../../src/data/http.js';
import { createScenario, settle } from '../helpers/server.js';

function http(): HttpClient {
  return new HttpClient({ retryBaseMs: 5, retries: 0 });
}

describe('HttpError body', () => {
  it('carries the code and message of a JSON error answer', async () => {
    const scenario = await createScenario([
      {
        status: 400,
        body: {
          code: 'rest_invalid_param',
          message: 'Invalid parameter(s): per_page',
          data: {
            status: 400,
            params: { per_page: 'per_page must be between 1 (inclusive) and 100' },
          },
        },
      },
    ]);
    const outcome = await settle(http().getJson(`${scenario.base}/posts`));
    const error = outcome.error as HttpError;
    expect(error).to.be.instanceOf(HttpError);
    expect(error.status).to.equal(400);
    expect(error.body).to.deep.equal({
      code: 'rest_invalid_param',
      message: 'Invalid parameter(s): per_page',
    });
    expect(error.message).to.contain('(rest_invalid_param)');
  });

  it('reads a string "error" as the code, and bounds what it keeps', async () => {
    const scenario = await createScenario([
      { status: 401, body: { error: 'invalid_token', message: 'x'.repeat(2000) } },
      { status: 500, body: { message: 'y'.repeat(20_000) } },
    ]);
    const client = http();
    const first = (await settle(client.getJson(`${scenario.base}/a`))).error as HttpError;
    expect(first.body!.code).to.equal('invalid_token');
    expect(first.body!.message).to.have.length(500);
    // An answer larger than the limit is not read to its end, nor kept.
    const second = (await settle(client.getJson(`${scenario.base}/b`))).error as HttpError;
    expect(second).to.be.instanceOf(HttpError);
    expect(second.status).to.equal(500);
    expect(second.body).to.equal(undefined);
  });

  it('has no body for an HTML or malformed error answer', async () => {
    const scenario = await createScenario([
      {
        status: 403,
        body: '<!doctype html><title>Forbidden</title>',
        headers: { 'content-type': 'text/html' },
      },
      { status: 400, body: '{"code": "trunc', headers: { 'content-type': 'application/json' } },
    ]);
    const client = http();
    const html = (await settle(client.getJson(`${scenario.base}/a`))).error as HttpError;
    expect(html.status).to.equal(403);
    expect(html.body).to.equal(undefined);
    const broken = (await settle(client.getJson(`${scenario.base}/b`))).error as HttpError;
    expect(broken.status).to.equal(400);
    expect(broken.body).to.equal(undefined);
  });
});

describe('wordpress: a 400 past the last page', () => {
  it('is an empty last page only with the code rest_post_invalid_page_number', async () => {
    const scenario = await createScenario([
      {
        status: 400,
        body: {
          code: 'rest_post_invalid_page_number',
          message: 'The page number requested is larger than the number of pages available.',
          data: { status: 400 },
        },
      },
      {
        status: 400,
        body: {
          code: 'rest_invalid_param',
          message: 'Invalid parameter(s): categories',
          data: { status: 400 },
        },
      },
    ]);
    const source = createWordPressSource({ baseUrl: scenario.base, http: http() });
    const past = await source.listArticles({ page: 3, pageSize: 5 });
    expect(past).to.deep.equal({ items: [], page: 3, pageSize: 5, hasMore: false });

    const other = await settle(source.listArticles({ page: 2, pageSize: 5 }));
    expect(other.error).to.be.instanceOf(HttpError);
    expect((other.error as HttpError).status).to.equal(400);
    expect((other.error as HttpError).body?.code).to.equal('rest_invalid_param');
  });
});
