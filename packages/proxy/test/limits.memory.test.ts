import { limitsThroughTheProxy } from './support/limits-suite';

limitsThroughTheProxy('memory');
