/** The demo module's public face: seeding a realistic demo workspace. */
export { seedDemo, DEMO_LOGIN } from './demo.service.js';
