import { z } from "zod";

// Under our Content-Security-Policy (no 'unsafe-eval'), zod's probe for a compiled fast path (new Function)
// would be reported as a violation; the interpreted path is as correct and fast enough for forms.
z.config({ jitless: true });
