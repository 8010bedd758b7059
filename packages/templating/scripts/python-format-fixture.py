"""Writes test/__fixtures__/python-format.json: what Python's format(value, spec) gives for values a
template variable can hold (JSON strings, numbers, booleans, null) and a spread of specs. The f-string
tests compare renderText("{v:SPEC}") with it. Run: python3 scripts/python-format-fixture.py"""
import itertools
import json
import random
import struct

values = [0, 7, -42, 1234567, 255, 3.14159, -0.5, 2.5, 0.125, 1e16, 1e-7, 123456.789, -0.0001,
          1e22, 0.1, 100.0 + 0.5, 9.999, "Ada", "", "naïve", "it's", True, False, None, float("inf"),
          float("-inf"), float("nan")]
specs = ["", ">8", "<8", "^9", "*^9", "08", "+", " ", ",", "_", ".2f", ".0f", "10.3f", "+.1e", "e",
         "E", ".3g", "g", "G", ".3", ".10", "%", ".1%", "x", "#x", "X", "#o", "b", "#010b", "_b", "d",
         "c", ",d", "010,", "=+10", "s", ".2s", "z.1f", "#.0f", "#g", "n", "a<10", ">10.2e", ".0e",
         "#.3g", "0=12,.2f", "+08.3f", "<+8d", "^+9.2%", ".15g", ".17", "10", "-^11"]

out = []
for value, spec in itertools.product(values, specs):
    try:
        expected = {"ok": format(value, spec)}
    except (ValueError, TypeError, OverflowError) as error:
        expected = {"error": type(error).__name__}
    if isinstance(value, float) and value != value:
        v = {"special": "nan"}
    elif isinstance(value, float) and value in (float("inf"), float("-inf")):
        v = {"special": "inf" if value > 0 else "-inf"}
    elif isinstance(value, float) and value.is_integer() and abs(value) <= 2**53 - 1:
        # JavaScript cannot tell 100.0 from 100: such floats are ints on our side. Skip them.
        continue
    else:
        v = {"value": value}
    out.append({**v, "spec": spec, **expected})

# Random doubles (any exponent) with the specs where rounding matters, seeded so the file is stable.
rng = random.Random(20240521)
for _ in range(600):
    value = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
    if value != value or value in (float("inf"), float("-inf")):
        continue
    if value.is_integer() and abs(value) <= 2**53 - 1:
        continue
    spec = rng.choice([".3e", ".0f", ".5f", ".12g", "g", "", ".17", "%", ".2%", ".1", ",.3f", "e"])
    if spec in (".0f", ".5f", ",.3f", "%", ".2%") and abs(value) > 1e30:
        value = value / 10 ** (len(str(int(abs(value)))) - 20)
    out.append({"value": value, "spec": spec, "ok": format(value, spec)})

# Conversions: "{v!r}" and "{v!a}" of strings and numbers.
texts = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\tnew\nline\r", "back\\slash", "naïve café",
         "emoji 😀", "\x00\x7f\x85\xa0\u200b\u2028\ufeff", "\udc00 lone", 0.1, 1e16, -2.5e-7, 42, True, None]
for value in texts:
    for conversion in ("r", "a", "s"):
        out.append({"value": value, "conversion": conversion, "ok": ("{0!" + conversion + "}").format(value)})

with open("test/__fixtures__/python-format.json", "w") as f:
    json.dump(out, f, indent=0)
print(len(out))
