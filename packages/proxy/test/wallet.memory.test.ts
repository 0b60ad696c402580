import { walletThroughTheProxy } from './support/wallet-suite';

walletThroughTheProxy('memory');
