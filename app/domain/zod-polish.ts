// Polish default messages for every zod schema; forms still give their own, more precise ones.
import { z } from "zod";

z.config(z.locales.pl());
