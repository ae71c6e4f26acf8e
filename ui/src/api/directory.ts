import type { Directory } from '../bindings/Directory';
import { call } from './call';

export const directory = () => call<Directory>('directory');
