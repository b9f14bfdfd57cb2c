import { expect } from '@open-wc/testing';
import { createDrupalSource } from '../../../src/data/adapters/drupal.js';
import { createJoomlaSource } from '../../../src/data/adapters/joomla.js';
import { createLiferaySource } from '../../../src/data/adapters/liferay.js';
import { ConfigError } from '../../../src/data/errors.js';
import type { DataSource } from '../../../src/data/types.js';
import { settle } from '../../helpers/server.js';

// Backends that publish articles only: asking them for links or counters is a
// configuration error that names the composite source, and sends no request.
const articleOnly: Record<string, () => DataSource> = {
  drupal: () => createDrupalSource({ baseUrl: 'https://drupal.example' }),
  joomla: () => createJoomlaSource({ baseUrl: 'https://joomla.example' }),
  liferay: () => createLiferaySource({ baseUrl: 'https://liferay.example', siteId: '20121' }),
};

describe('adapters without links or visit statistics', () => {
  for (const [name, create] of Object.entries(articleOnly)) {
    it(`${name}: points links and counters to a composite source`, async () => {
      const source = create();
      const links = await settle(source.listLinks({}));
      expect(links.error).to.be.instanceOf(ConfigError);
      expect((links.error as Error).message).to.contain(
        'Take the links from another source: <pw-source type="composite" links="ID">.',
      );
      const stats = await settle(source.getVisitStats());
      expect(stats.error).to.be.instanceOf(ConfigError);
      expect((stats.error as Error).message).to.contain(
        'Take them from another source: <pw-source type="composite" stats="ID">.',
      );
    });
  }
});
