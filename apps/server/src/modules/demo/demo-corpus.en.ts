/**
 * English comments as APAC online shoppers type them: short, sometimes without a full stop,
 * with the odd emoji, negation ("not bad") and contrast ("…, but …"). Written for the demo.
 */
import type { ThemedSentences } from './demo-corpus.js';

export const EN_CORPUS: ThemedSentences = {
  delivery: {
    negative: [
      'Parcel arrived 5 days late and nobody told me why.',
      'Tracking said delivered but nothing was at my door',
      'Courier left the box outside in the rain, everything soaked 😡',
      'Way too slow. I paid for express and got standard.',
      'Delivery window was 9am to 6pm and I waited all day for nothing',
      'Box was crushed when it arrived, not happy at all',
    ],
    neutral: [
      'Delivery was ok, about what I expected.',
      'Took 4 days to Penang, not fast but not slow either.',
      'Arrived on the last day of the estimate.',
      'Courier was fine, would be nice to pick a time slot though',
      "Didn't get an SMS before delivery but it came eventually",
    ],
    positive: [
      'Super fast delivery, ordered Monday night and got it Tuesday morning!',
      'Next-day delivery to Tsuen Wan, really impressed 👍',
      'Driver called ahead and was very polite.',
      'Packaging was neat and nothing was damaged',
      'Love the locker pickup option, so convenient',
    ],
  },
  price: {
    negative: [
      'Shipping fee is way too high for such a small order.',
      'Price dropped the day after I bought it. Not cool.',
      'Found the exact same thing 20% cheaper elsewhere',
      "Promo code didn't work at checkout and nobody could fix it",
      'Too expensive for what you get, honestly',
    ],
    neutral: [
      'Prices are about the same as other shops.',
      'Not cheap, but not bad either.',
      'Would buy more if free shipping started at a lower amount',
      'Fair price, nothing special.',
      'Waited for the 11.11 sale to buy this',
    ],
    positive: [
      'Great value for money, will buy again.',
      'The member discount actually makes a difference 🙌',
      'Cheaper than the mall and same quality',
      'Free shipping over $30 is a really good deal.',
      'Loved the bundle deal, saved quite a lot',
    ],
  },
  service: {
    negative: [
      'Waited 40 minutes on chat and then got disconnected.',
      'The agent kept copy-pasting the same answer. Useless.',
      'Staff at the store were not helpful at all',
      'Nobody replied to my email for a whole week',
      "Rude cashier, didn't even say thank you 🙄",
    ],
    neutral: [
      'Support answered my question, took a while though.',
      "The agent was polite but couldn't really solve my issue",
      'Had to explain my problem twice, but it got sorted in the end.',
      'Service was fine. Nothing to complain about, nothing to praise.',
      'Chat bot first, then a human. It works I guess',
    ],
    positive: [
      'Amanda on live chat was amazing, solved it in 5 minutes!',
      'Very friendly staff at the Orchard store 😊',
      'Support went above and beyond, thank you so much',
      'Quick reply and they actually understood the problem.',
      "Best customer service I've had from an online shop",
    ],
  },
  app: {
    negative: [
      'App keeps crashing when I open my order history.',
      "Can't log in since the last update 😤",
      'Checkout page froze and I got charged twice',
      'Way too many pop-ups, really annoying',
      "Search is useless, can't find anything by brand name",
    ],
    neutral: [
      'App is ok, a bit slow on my older phone.',
      'Not bad, but the menu is a little confusing at first',
      'Would really like a dark mode.',
      'Works fine most of the time',
      'Notifications are too frequent, otherwise fine',
    ],
    positive: [
      'App is super easy to use, reordering takes 2 taps.',
      'Love the new wishlist feature ❤️',
      'Smooth checkout with Apple Pay, no issues at all.',
      'Order tracking in the app is really clear',
      'Much better than the website honestly',
    ],
  },
  returns: {
    negative: [
      'Still waiting for my refund after 3 weeks.',
      'Return process is a nightmare, way too many forms',
      'They rejected my return because the box was opened?!',
      'Refund went to store credit instead of my card. I never agreed to that.',
      'Had to pay for return shipping myself, not fair',
    ],
    neutral: [
      'Return was accepted, refund took about 10 days.',
      'Process is ok but the return label was hard to find',
      'Got my money back eventually.',
      'Exchange was fine, would be faster with a drop-off point nearby',
      'Not sure if my refund has been processed yet, no email so far',
    ],
    positive: [
      'Easy return, the courier picked it up from my home.',
      'Refund arrived in 2 days, very impressed!',
      "No-questions-asked returns, that's why I keep shopping here",
      'Exchanged the size in store, took 5 minutes 👍',
      'Hassle-free refund, thank you',
    ],
  },
  quality: {
    negative: [
      'Shirt shrank after the first wash.',
      'Item looks nothing like the photos',
      'Received what looks like a used item, with scratches 😞',
      'Stopped working after 2 weeks',
      'Quality is really poor for this price.',
    ],
    neutral: [
      'Product is fine, matches the description.',
      'Quality is ok, not amazing.',
      'Colour is slightly different from the picture but acceptable',
      'Does the job. Nothing more.',
      'Size runs a bit small, order one up',
    ],
    positive: [
      'Excellent quality, feels very premium.',
      'Exactly as described and it fits perfectly!',
      'My kids absolutely love it 😍',
      'Fruit was fresh, really sweet and well packed',
      'Solid build, way better than I expected',
    ],
  },
};
