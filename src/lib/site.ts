// What several components need from the site itself: its base path and the guide's section pages.
import { getCollection, type CollectionEntry } from 'astro:content';

/** The base path with exactly one trailing slash, so `${BASE}guide/` works under any sub-path. */
export const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** Every section page of the guide (one per `###`), the two "Find your changes" pages included. */
export async function guideSections(): Promise<CollectionEntry<'docs'>[]> {
  return (await getCollection('docs')).filter((e) => e.data.anchor && e.data.area && !e.id.endsWith('/index'));
}

/** The 100 sections of the guide's areas: not the two "Find your changes" pages. */
export async function areaSections(): Promise<CollectionEntry<'docs'>[]> {
  return (await guideSections()).filter((e) => e.data.area !== 'find-your-changes');
}

export const sectionHref = (s: CollectionEntry<'docs'>) => `${BASE}guide/${s.data.area}/${s.data.anchor}/`;
