"""``bench poster``: time to render one share poster (pillow, one core), per template.

Uses a 1600×1200 JPEG cover (the web size every cover has) and long Chinese
texts, as ``services.posters`` passes them; fonts and the QR code are warm, as
in a running worker. Wall-clock p50/p95 and the CPU time per render (which a busy machine inflates
less). Last line: JSON per template.
"""

from __future__ import annotations

import io
import json
import os
import random
import time

from PIL import Image, ImageDraw

from media import poster


def register(sub) -> None:
    p = sub.add_parser("poster", help="render time of a listing share poster")
    p.add_argument("--n", type=int, default=100, help="renders per template")
    p.set_defaults(func=run)


def _cover() -> bytes:
    rng = random.Random(3)
    picture = Image.effect_noise((1600, 1200), 40).convert("RGB")
    draw = ImageDraw.Draw(picture)
    for _ in range(60):
        x, y = rng.randrange(1600), rng.randrange(1200)
        draw.rectangle(
            (x, y, x + rng.randrange(50, 400), y + rng.randrange(50, 300)),
            fill=tuple(rng.randrange(256) for _ in range(3)),
        )
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=82)
    return out.getvalue()


def run(settings, args) -> int:
    fonts = poster.find_fonts(settings.poster_font)
    content = poster.PosterContent(
        title="苏州工业园区唯亭金陵东路88号 单层标准厂房 层高12米 带10吨行车 独门独院",
        place="苏州 · 苏州工业园 · 唯亭",
        deal="出租",
        price="32",
        price_unit="元/㎡·月",
        price_note="约19.2万元/月",
        facts=(
            ("面积", "6000㎡"),
            ("层高", "12米"),
            ("承重", "5吨/㎡"),
            ("配电", "1250kVA"),
            ("消防", "丙二类"),
            ("产证", "独立产证"),
        ),
        features=("行车", "环评", "卸货平台"),
        person="欧阳晓明",
        brand="优选厂房",
        code="A1234",
        qr_text=f"{settings.public_base_url}/h5/listings/A1234?s=s12&c=poster",
        cover=_cover(),
    )
    result = {"bench": "poster", "n": args.n, "load_average": round(os.getloadavg()[0], 2)}
    for template in poster.TEMPLATES:
        poster.render(content, template, fonts=fonts)
        times, cpu = [], []
        for _ in range(args.n):
            started, started_cpu = time.perf_counter(), time.process_time()
            poster.render(content, template, fonts=fonts)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        times.sort()
        cpu.sort()
        figures = {
            "p50_ms": round(times[len(times) // 2], 1),
            "p95_ms": round(times[int(len(times) * 0.95)], 1),
            "cpu_p50_ms": round(cpu[len(cpu) // 2], 1),
        }
        result[template] = figures
        print(
            f"{template:10} p50 {figures['p50_ms']:6.1f} ms   p95 {figures['p95_ms']:6.1f} ms   "
            f"CPU p50 {figures['cpu_p50_ms']:5.1f} ms"
        )
    print(json.dumps(result))
    return 0
