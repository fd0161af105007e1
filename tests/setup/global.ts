import type { TestProject } from 'vitest/node';
import { ensureClientBuilt } from '../../server/build.js';
import { prepareEmbeddedTemplate, prepareServerTemplate } from './template.js';

declare module 'vitest' {
  export interface ProvidedContext {
    embeddedTemplate: string;
  }
}

/** Once per run: build the client if stale, prepare the database templates. */
export default async function setup(project: TestProject): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  const [template] = await Promise.all([
    prepareEmbeddedTemplate(),
    url ? prepareServerTemplate(url) : Promise.resolve(),
    ensureClientBuilt(),
  ]);
  project.provide('embeddedTemplate', template);
}
