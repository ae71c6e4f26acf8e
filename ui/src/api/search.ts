import type { SearchHit } from '../bindings/SearchHit';
import { call } from './call';

export const search = (text: string, limit?: number) =>
  call<SearchHit[]>('search', limit === undefined ? { text } : { text, limit });
