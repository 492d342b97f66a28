from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "kpi_active_day" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "surface" VARCHAR(8) NOT NULL,
    "day" DATE NOT NULL,
    "subject" VARCHAR(24) NOT NULL,
    CONSTRAINT "uid_kpi_active__surface_afd76e" UNIQUE ("surface", "day", "subject")
) /* Someone active on a surface (``h5`` visitor cookie, ``miniapp`` user id) on a business day. */;
        CREATE TABLE IF NOT EXISTS "kpi_client_milestones" (
    "client_id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "owner_id" INT,
    "source" VARCHAR(24) NOT NULL,
    "created_at" TIMESTAMP NOT NULL /* 客户录入 */,
    "first_contact_at" TIMESTAMP NOT NULL /* the earliest of creation and the first follow-up */,
    "requirement_at" TIMESTAMP /* 需求分析: a need with at least one bound */,
    "pushed_at" TIMESTAMP /* 匹配推送: first listing opened or booked */,
    "interest_at" TIMESTAMP /* 意向: consulted, favorited or wrote to us */,
    "viewing_at" TIMESTAMP /* 带看 */,
    "negotiating_at" TIMESTAMP /* 谈判 */,
    "won_at" TIMESTAMP /* 成交: first signed deal or stage won */,
    "lost" INT NOT NULL,
    "deals" SMALLINT NOT NULL /* active deals signed */,
    "next_followup_at" TIMESTAMP
) /* When one client reached each step of the funnel (null: not reached), rebuilt from its rows. */;
CREATE INDEX IF NOT EXISTS "idx_kpi_client__created_9936f9" ON "kpi_client_milestones" ("created_at", "owner_id");
CREATE INDEX IF NOT EXISTS "idx_kpi_client__won_at_b88a35" ON "kpi_client_milestones" ("won_at", "owner_id");
        CREATE TABLE IF NOT EXISTS "kpi_endpoint_daily" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "day" DATE NOT NULL,
    "route" VARCHAR(96) NOT NULL,
    "requests" INT NOT NULL,
    "errors" INT NOT NULL /* responses 500 and above */,
    "buckets" JSON NOT NULL /* requests per latency bucket (services.metrics.BUCKETS_MS) */,
    CONSTRAINT "uid_kpi_endpoin_day_2319ab" UNIQUE ("day", "route")
) /* Requests of one route on a business day: count, server errors and the latency histogram. */;
        CREATE TABLE IF NOT EXISTS "kpi_first_seen" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "surface" VARCHAR(8) NOT NULL,
    "subject" VARCHAR(24) NOT NULL,
    "first_day" DATE NOT NULL,
    CONSTRAINT "uid_kpi_first_s_surface_bc980b" UNIQUE ("surface", "subject")
);
CREATE INDEX IF NOT EXISTS "idx_kpi_first_s_surface_56388a" ON "kpi_first_seen" ("surface", "first_day");
        CREATE TABLE IF NOT EXISTS "kpi_intent_daily" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "day" DATE NOT NULL,
    "intent" VARCHAR(32) NOT NULL,
    "replies" INT NOT NULL,
    CONSTRAINT "uid_kpi_intent__day_ad6bc0" UNIQUE ("day", "intent")
) /* Chat replies per handler (the parser's intent, or the exact command) on a business day. */;
        CREATE TABLE IF NOT EXISTS "kpi_retention" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "surface" VARCHAR(8) NOT NULL,
    "cohort_day" DATE NOT NULL,
    "size" INT NOT NULL,
    "d1" INT NOT NULL,
    "d7" INT NOT NULL,
    "d30" INT NOT NULL,
    CONSTRAINT "uid_kpi_retenti_surface_eb9e16" UNIQUE ("surface", "cohort_day")
) /* Of the users first seen on ``cohort_day``, how many came back 1, 7 and 30 days later. */;
        CREATE TABLE IF NOT EXISTS "kpi_sharer_day" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "day" DATE NOT NULL,
    "visitor" VARCHAR(24) NOT NULL,
    "sharer_id" INT NOT NULL /* the account credited with the sharer's visit; 0: none */,
    CONSTRAINT "uid_kpi_sharer__day_2180ac" UNIQUE ("day", "visitor")
) /* A visitor whose shared link brought someone on that day (fission: new visitors per sharer). */;
        CREATE TABLE IF NOT EXISTS "kpi_track_daily" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "day" DATE NOT NULL,
    "sharer_id" INT NOT NULL /* 0: nobody credited */,
    "channel" VARCHAR(16) NOT NULL,
    "views" INT NOT NULL,
    "shares" INT NOT NULL /* visits through a shared link (child views) */,
    "share_setups" INT NOT NULL /* share cards set up (WeChat's callback) */,
    "consults" INT NOT NULL,
    "poster_scans" INT NOT NULL,
    "dwell_ms" BIGINT NOT NULL /* visible reading time of the day's views */,
    "new_visitors" INT NOT NULL /* visitors seen for the first time */,
    "new_via_share" INT NOT NULL /* ... whose first visit came through a shared link */,
    "depth_max" SMALLINT NOT NULL,
    "depth_sum" INT NOT NULL /* sum of the depths of the child views */,
    CONSTRAINT "uid_kpi_track_d_day_153041" UNIQUE ("day", "sharer_id", "channel")
) /* One business day of H5 tracking per credited account and channel. */;
        CREATE TABLE IF NOT EXISTS "kpi_usage_daily" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "surface" VARCHAR(8) NOT NULL,
    "day" DATE NOT NULL,
    "dau" INT NOT NULL,
    "mau" INT NOT NULL,
    "new" INT NOT NULL,
    "time_ms" BIGINT NOT NULL,
    CONSTRAINT "uid_kpi_usage_d_surface_0d630f" UNIQUE ("surface", "day")
) /* DAU, MAU (distinct over the 30 days ending that day), new users and time spent, per surface. */;
        CREATE TABLE IF NOT EXISTS "kpi_user_first_view" (
    "wechat_user_id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "first_at" TIMESTAMP NOT NULL
) /* When a known WeChat user first opened a listing page (匹配推送 of their client). */;
        CREATE TABLE IF NOT EXISTS "kpi_view_depth" (
    "token" VARCHAR(16) NOT NULL PRIMARY KEY,
    "depth" SMALLINT NOT NULL
) /* The forwarding depth of a child view (1 = opened from a link shared by a first visitor). */;
        CREATE TABLE IF NOT EXISTS "channel_spend" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "channel" VARCHAR(24) NOT NULL /* DOUYIN: douyin\nREFERRAL: referral\nVISIT: visit\nOFFICIAL_ACCOUNT: official_account\nCHANNELS: channels\nMOMENTS_AD: moments_ad\nMINIAPP: miniapp\nOTHER: other */,
    "spent_on" DATE NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "note" VARCHAR(128),
    "created_at" TIMESTAMP NOT NULL,
    "created_by_id" INT REFERENCES "accounts" ("id") ON DELETE SET NULL
) /* Money spent on one acquisition channel on one day (or for a campaign billed on that day). */;
CREATE INDEX IF NOT EXISTS "idx_channel_spe_spent_o_232a93" ON "channel_spend" ("spent_on", "channel");
        CREATE TABLE IF NOT EXISTS "viewing_ratings" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "client_id" INT,
    "owner_id" INT /* the client's salesperson when rated */,
    "score" SMALLINT NOT NULL,
    "comment" VARCHAR(255),
    "rated_at" TIMESTAMP NOT NULL,
    "viewing_id" INT NOT NULL UNIQUE REFERENCES "viewings" ("id") ON DELETE CASCADE
) /* A client's 1-5 rating of a viewing, given through the H5 link sent after it. */;
CREATE INDEX IF NOT EXISTS "idx_viewing_rat_rated_a_e150c1" ON "viewing_ratings" ("rated_at", "owner_id");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "kpi_active_day";
        DROP TABLE IF EXISTS "kpi_client_milestones";
        DROP TABLE IF EXISTS "viewing_ratings";
        DROP TABLE IF EXISTS "kpi_user_first_view";
        DROP TABLE IF EXISTS "kpi_endpoint_daily";
        DROP TABLE IF EXISTS "kpi_sharer_day";
        DROP TABLE IF EXISTS "kpi_track_daily";
        DROP TABLE IF EXISTS "kpi_view_depth";
        DROP TABLE IF EXISTS "kpi_usage_daily";
        DROP TABLE IF EXISTS "channel_spend";
        DROP TABLE IF EXISTS "kpi_retention";
        DROP TABLE IF EXISTS "kpi_first_seen";
        DROP TABLE IF EXISTS "kpi_intent_daily";"""


MODELS_STATE = (
    "eJztfet32ki2779Siy/j3Ev72PiV0H1nLWLjNN0YcjCJe6Y5iwipMBoLlUYPE+bM/O+3dp"
    "UkJCSBJAQuFH2YHkfSLonfrsd+7/+tzYmCNeu0JcvE0e1aE/1vTZfmmP6xfquOapJhrG7A"
    "BVuaaOxZiT/ELkoTyzYlGQabSpqF6SUFW7KpGrZKdHi6hSxbmk7RHM8n2EQnkjJX9TqaS7"
    "r0jM06siQNW+8QMZGkI/zdxqYuacjEU2ya9A9DMm0dm6fwMoXI9G2q/lzwuI6u/tPBY5s8"
    "Y3uGTTr6n/9DL6u6gr9jy/un8TKeqlhTQripCgzAro/tpcGudXT7nj0InzwZy0Rz5vrqYW"
    "Npz4juP61yuJ8x/RrJxjC8bToApO5omou5hy3/0tUj/BMDNAqeSo4G7ABq/gGra7XxuNcf"
    "jh/bw/G4FmGVRxFA2b0kEx3YrALT4dc/wyf81Di/vLl8f3F9+Z4+wj7Tv3LzH/7qFTCckM"
    "HTG9b+w+5LtsSfYBivQGX/H4H1diaZ8bh6z68hSz95HVkPx03QehdW2K5m9iHAnUvfxxrW"
    "n+0Z/ef15QYkv7YGt7+2BifXl+/ghYQuRL5Ce+6dBrsFYK/ANYmWAG5bd+YM4A79IEmXcQ"
    "Roj1ZkoGutu4dOr4nYfjDSH1q91qf2oOltDCP9sdVtPzb5/jDSP7cGwx7cdzeE9X0mDZPO"
    "r1Mw6fw6kUlwK8wkg8Ibw6W2LptLgyIcvw58qlz8cXcQUdbBBkiH7T+GMPLcsv6pBaE8eW"
    "j9wVCeL9073X7vk/d4APrbbv9jHOTjmWTNsmw9Yao94X7QvX3P2w+VFdTXmKn9kdC9RdLj"
    "UV4RrSE8oVT72no81A87tz/2+93Q3P7YWZ+8Xx4+tul+wkCnD6k2Dh6rK6gn9NdREJXssz"
    "pKWcjMfluhZc8Te4UZ/m6oJrbGkh3F/I6iZatzvA338Bhr6CvuIKfeH+Xa3TsP7cdh6+Fz"
    "aBnctYZtuNMIbe/e1ZP1w9UfBD11hr8i+Cf6e7/XZmgSy3422RtXzw3/XoNvkhybjHWyGE"
    "tKEBPvsncpxHnZxIB7Dn6HKQvgsnDCLP2BSl/Xlu4MPBK2u4tlI9ddeXKcSQMME23XBN9s"
    "IdeoIuyJzGgxIxZGNpbmyJ6pFnINAGiCNaI/W8gmKaXmAvRG0MSnL7Fqo/u5UXbcExOrz/"
    "rveBlRb9ZYEDWDlJcb//Emp3d19XNMaeHbOtbmLAWLQoS5zEE/F/W+dLs1xpaJJL8sJFMZ"
    "J/AHPjlG8HOp7n8fYE1iP7jiSxxfwmK0o6j2GOt0KGztCCoM1SXPwqCaVYjYjJQ8k3Qda2"
    "PLwLqyI1S3fKxHGKqscGkqdm27O+DEBikpQtyETKW2Cqqtk4nM56pl0aHHpqPtulHd+qMN"
    "HO14dZ5ts0smpkJnl4IlbUfA7ugQJYUJS6ZOB9kRoDYf5QgVq1QgTYmmkYVj7IjSPRvmi1"
    "HSqaRhJVZryAJRl43RpuLYsqyTScOvVIoCaep51428C0PdspFKi5Zq2bvvT10+SkkXnolf"
    "VbygR10F1nawHEMjEsgFc6yoUiFIPXgjlRAud0oVtF/xwR5tyXas1PvWMcKmE1udqjLDY0"
    "fQeoGhyrrLe9FEY0umv25HwAbuYI8wVknnl2VLz7iYRfkIQ5V6MfqGBsfC5o5oPWEKuv3F"
    "wuJEgtBfY1q2G5EH9lPVnqk6ApOqZFP4Jg48SC/rClkUaDqF9yimtNhZvX7yByrr/sY4NJ"
    "YMwySvh4XrONfrP7AM7ty3mWHHCJmF6X2lmmEb4ALPGmmQgEct5GsL3wrscpKm4ZiABA/P"
    "vo6HhP4nBar+SCVBNHQYsHORnbCFYCXgMWthGy1mWEdSOGKemF7MK5pJFpoQR1e45/IJ5C"
    "obeaDsOHnnjfna5OUeU8UdDoh9/y7E+d1JEC4Sk5vg3axvyk54MdQxjxccK+6zW3MUHskc"
    "E53KHYwOEYaVY04lGaOTb99mV9++oVfVUm2KmUzIi0rH+PZtruoq/Q56D5BCqvKOU04cS6"
    "XagIXo+6N5C3t+V0wuw581d3z2LRwTy5nAYVX7n10SHT6qzz9KrsOHRuPi4qZxdnH9/ury"
    "5ubq/ZkfvBK9tSmK5WPnEwSy1INRS9szIgIMTBvDGSAROVw/Z/zm+xThm+8Tozffrwdvuq"
    "siGrsXj637+KaAvSNEeAOkEHC3Bpm3g2Sakj5JCadkI01IcSM5pLjBQooj8W3JkVWZJMOs"
    "J7EXFBR3EAcChjZkCbIIJc19bNsRnIz59uS8P2tYt1WbLUn+F8Sq/U+Vs3fInD0QZ7hknH"
    "Y3WFGIvBm4AVGnPFS7jlzHwqnFnAF15PnY/QdOTyMyX5rd4zLNiXaZfKRdRs601aJIy5EV"
    "hcgcybk9XzRSAHzRSAQYbsUBnC0APEQjcPz3gfeVQBoNnhIzRtD97bHfS0ia8SnW5TFVtt"
    "G/2Yo9Plw3gAZQwMjJ6Y/rmY71cPYDDLCe/ihN7TgTSDLsPkGF+g6oZ04ZqlKFji9ViEo6"
    "JGOiUJCkOia2pv4wuKLwHn3iz87G7vpaMk9wXmVO5dmnwhlKrYhROtdTL5IVz1DCRzr77w"
    "PR8RIBgQ1mVW6e/acDVlhwQbsjercUaYlOiElFfxNJSJbmhkQnGZqomoYVeMgG6zl96l3U"
    "+rvXN6VRldmrx1zvct9WqcqHVZU92CPIpivCEiAXWU2r3fW//A0KsSjEWUIllkH7vj0YtL"
    "pNvwjTSP/aeewMm9zfMdL79/ed206rO27d3va/9OgNMp2qsippYzeZbqRTiavXa3cfm95a"
    "sUb6Q/+h3Rs+jlt3TTQnc0jKoaczvd7pdVqfP9OL3HtC3zD8FWq9ELY80k2GPdj4QmbUwH"
    "pMa34O0vzQNmhpDpNiPMUx8G1yToXpcslXogF3SD9VKF40W6Uu9/kyFChaqwHVSGPAo08l"
    "V4FqREx4VWWJZPTLqy56vJtktC1G6CrFcaviuMKs0h63a4+RGSaWCslTqeOURz/JeoPauM"
    "rm3rO3kix0v5wGC4ivFLADK2CEKtJ6JtdYgKSSXdLJLhwxesqZMVVftiLt04lbU9H7VAQ/"
    "maUvEAfyGZ7BkmNQJVf9XkcafpY0ZDlUkf2OJF1BliHJmDmOTaQ4hgYpUpgqs1h+sfKopH"
    "tinm7TDXCctRLvOl351krxhQOrWq9VrddylsR0g+vjZJgtsztEWc3w7DPcBzDzLI9SVjN9"
    "60zHc0mNMehvmeU+VTXDs89wBl7m2R2mqmb21plNf5VjuWVt0oIcpCnD1N57SwamMmRBeE"
    "UhML41w8tgR4ZGlZ46kiyW3m1IJiQxgYYnaeq/sIVUO4/qUzwnLOKYSWk22z2zK+rDOWZr"
    "K19m5ZvdPhuy+WYZPymqduzpviHRZZ1Q4FUqks2IW0Pzrj6P+ICLj2LjGpazrL5Ob9iGFc"
    "SpYaW1nzq9T7DW8IKyYKT32p/6w05ryK7q+JnYqmSzO099umwXhK7Zbv+RjqERK9feWXzP"
    "GihYOTZMMpEmqhabefBIt3st0XodR3841/z5WdbDDdMlrtt1BPnVU5PM2dHmT8LUVu6Lxs"
    "21b+CGf2yybT8+tLrdqBtenRvEpKsiLt9/U1+VEN0BW6v4V462twoEMsRUqxji7wmz2yco"
    "w1FwaF1Pp7COvUyrHNEQcfQH6alySE3wSCIgPJA2hkBwp3KewJcw5bEw2ftsNFlSXchCzE"
    "XMeld67QWaaKYqCtYRfsXmckFlZPrOF2zYzJHEimZBwm26o6dMU4XCYcVqz4mCRoDigPLF"
    "vqTygvPvqpCzZKjLG3LmGEpOrocpK66LwvWYvTNS/MoPPxiTabZQwxhKgYMNa6wDNE/cRz"
    "zOi4VrcI0NgjeYa7fuFb5SFcSKL7HojiY9g6kGpbhJOKxtLNX9LMi+IfQhfaryQJXD79XB"
    "QLKUjAuSCMyxNzv+vGqk2VBdo6qAjQIbKLSXDdsoYQXv1rBmtsyjIFcRzfW1iObgfpgQzB"
    "y3PVTQbod2bVNMge7GYpyZARawFmfhGEc3xxQwB4W3AnAWrIOZKMJeWhbGiNI79NikGoKl"
    "UrjH/rDl6k8nOnfjoqgL4cAtH+sIFehUUB2u291RwnPodndHchyGMDp8t7ujnEozAKacHb"
    "dYO2bvUGDdmGFbQTNCj0le2dz93egkEFPBDgiNPq28K3DvrxpQHVkDqmNEy+8/hV9370Ts"
    "9Z9qv4ok8BUL2Jv1nzrKo8INR9sRqK98lBLNqExJ7MHV+k9HNfEcx8ZpZe41MggPVyJsM+"
    "f8e8pRYup/QHvaVgFgHNTatpeOa+ksYBm5eiQ0VQEFFJEpVGzjssiJFMj0hdB9GJTVe5tj"
    "k/4spOpciaU6KWuIxMeIKR+397dtr19QlSo4ZKmCrAnYVeJ12JteJV4LFchZJV5Xidflnu"
    "FV4vVBZ3oVrpgM/XEGrqWqkMcl9WzV8YI0ZSr5ubfSeL7n71AOYtEATl0WLzi1Qs7b29bj"
    "beuu/bYV8R5UDVs20V3mxyrIgWfq27pruj93HibZqik/QQ9SUFZdPZVuT/KMqqPwf8iysQ"
    "FaLFjwpw6rgX4CP4b+JOI/+q5O/5o4quYm3EGmhEkWVlRP3vO70lT5C58vfpwRfe7P2oJO"
    "kvXriXr1ATa7H13LrgJpC4/33FRJYVPSfG65V7TDY9/FCX48ybc2cq4mUmPkXDcubujf06"
    "sr+t/z66tMblvR5d9USW9T1bR8S3WOKRBHf0QTAU5uLJn0kLNsOMnZjAYLt8RamNNjHX6f"
    "25vxJ8f48SZIwNeUY3pEqQ+SSFvQJvHh5uyMbhLyJd0qrhpn1/Tvmw9nEPynYyoDct+HDZ"
    "GAMHuokDghDu8U9GPNEcOxZrkOkBDhMc2Mq4uLD3R+nF8qdE5cSO/p32dn5013u/CCg4hB"
    "P5fFjU4IecE/4MyAwjR0uDxbxxrpMc2O6/OzKZ0jl+d0RgBzKRlW6nT0V2KqNp8RC5PYGK"
    "KFnZTFmss0Ldx4kByzIkx5TJPiCjfoAXJzczb58fgdCJLMVXRlnfqY+P5ePnsP4kPj8sfj"
    "+8o8lYXfK6pj4vN145wKi5dYuvTEAEt9huOfhQ7THZ+FDELFtR9vHni15dYi1TZVFPNIqm"
    "JiGYqJJSS/bC+XF1dQbI++rKwl8iTZVl95EL7lLqt0i6jA0nhHWzpMmCiJY9i1Im7MN/K3"
    "kflctaC41MBhPzzqbQs/Ud8Yj+o/OzbpwyndbH0dI7fClefkWg2E2EA/I4kfb46FeUVmj0"
    "DVITdSpucdONBUGy0kb+VGnWx7fVMViCqWi0yAMmslwDeQ0TmdYnY8jsG9nPVUilIfxnpf"
    "1bPMJ0lbBpajPP7tsd9L8IW6z69zVZVt9G9mqBTIG6PhV3p01RF8igUVLNmOD99cpzv6vz"
    "DzyrCH6lTFoi9GJoazlp4OFsb0f+arKmPrdHV47G5bA2hDkyMS27kexrnGdRggUoa26nbs"
    "ubOvrtL4s6+ukh3acO9H92hXsZxVt+Oq2/GhQU4d1rlzt+OqvklRWbQZFXGGVYz67WGYrH"
    "T7jEqR+umZiiGSADNbsaTxRrAsXFSaw/qgghHIPxLVjY1lgp4M+i/VkGN07D29o9KuxdKu"
    "We8Thk+seLm9+U1oAJHjJ2sD1vrGZI1vHlvddpPN6JR24ZAQmqYBUXL7oWjzIbbQckifIc"
    "ISCp9HImymc2nBNjqmi8hMYHOCWytMtonJRysPxfEXeBapkKzb46mJ8XhOdHuW2W8VRy+s"
    "CyvrAVGEx4rPtSWWzBhs77CsUng3zVKfcn2WctJTd4hyzdP2bYeieXJVb6x5W72D4PJsfb"
    "9n009bjvmExDGm7Y/qc+I0jqMukQb6odG4uLhpnF1cv7+6vLm5en/mT+vorU2T/GPnE0zx"
    "0IYfky1CRQAqjdpUiMnMiShtxYfcfFD/hXNwIEAlcmZtbQElYW0VmxZ6JmiybK6SBX6CbZ"
    "OJpXXkNlRimpZhqnK2hn6HZhkrCphXb1hRH7BrJo8LqWVkXut22PlK1QVOPdJvW73bdrfb"
    "vmsiGX6bpmFlpA/bg4dOj4ot9LKNzbmqs6/PoV4U3yHTxPyEzpOQEaQ8Hh2j5nr3rYA1wk"
    "KWTQw0wRBrPzXJv/APGFoHFpmxpUuGNSMxsyHZMxghPAYXYREi3l48em6j5hecqb99mKoQ"
    "794+rFs1qCeDHqznjsJbCdIPXnWqlamSlq/RdvFVXDD92XksL0G6KihP5P2OcoqqSpIVF0"
    "GUvNDCVJUbvXKjV270qiTSQdvBycRUckQnRAlLZJQoDl4QZrPhuqKoJmxVw+ugNbzWZ24R"
    "sEbSAUoKb2DdhsAd0HNv0LkdrrfZ83fPAkAufaBS9LDZIVKpajV0+HAlD62YiKUAkMlBS0"
    "GepSnEJ/G6J16HRqilo1vcNADXWTeRppe6c6KodILZLPaI14tnsdzv6vSBfzqSptIfyeKT"
    "FLjiZvrHleQ70FvTFOdbmb0DltXkEnxVzNMeYp4yGt12sbYdBFgWg9X8RVX+2vwFfEx/rb"
    "Pp2fyFixarq6enkdXxNma3F1WPmdjpHEcerdCxZnftVrfJ9pOR/t9fWt3Ofad9N+62W3fN"
    "1SYyBi6N9K+d9lOn96np7SViuIxgyuRlkUcrNos6g/btkDKJbfcj/bF92+9R9vBNPw8TCg"
    "4LZMdOlo3KJxAZ95wGy4tGCnAvGonowq0wvBPJUhO81/Hw+gQiw1ubkQXzsvD4bJbc7BYW"
    "riN8+nyKzk6voOxIQ4LqdFBq5uaDMoXaZMq5GIcD//LswSBhujIZaarAji0sqAW8+RnWyv"
    "2g//d2r+nGAoz0QZue0I8QwOEK5wpc+9oeuNcgsRyu3XZbT/Q4/9i6/b2JZE1agAZM9TEx"
    "Tu7jCvaoErvz1lnlMzQ/myv/9THwGbYX2FvG9GxTY8TBLY7VCHXFbaG5XbnQf0AXusT9BN"
    "kckmGiMom7hXl53yY0QbDtsWhQWcJnJkgDFBWgWz3n0sppeDD3o2gbQVr/Y3gP3O48P3xU"
    "gmBzd/eghJVPd31TKADWlJUmjhTUwD6YtVdbMJ6Vfgze0UnexcozNtt0qGV54N6vo1xXDE"
    "LfdSepTAKNustDD9S3tbLD7uNjxX9+q/t8gCn+lm1BnQ3mzyaOjRE0n0ETx1J1bFlIkZbQ"
    "Q8CBbDKobwbebtMkpuV3qKFzA+vyEs1UyybPpjSPesz3+aIYJ/mfVD9hELD3cG94VRDkrQ"
    "qCSDHO8eT6BO7jO9YlEFT+iE34jilMwKZtBLRkT5JPILInKaej7kMae/aHZHv2hxh7Nt+N"
    "Miz2IElpSjwUVwGW7dMZ4FwRCAsmZbllUNiwha7OznhRqgl5zZZAXRjCE0d+wXEzNjm9Mk"
    "By+MTK2i9TR5dZIzvWeVbVrVN431+zetS8hYcMKg94AgD/aejEr7c6x5QdsnX68cvt7+3h"
    "4/jh8V06Ph0iSzOimidL5fsUOO/d5k9xsqZ/b6OY6bWPShecmbwbxUpsCww5nmPH4pE+bg"
    "ezSnZ7U9mt8h4kQ19e74G79rLZZMNElfcg5hAPbHHZsI0SVvhut3uvnSg7WhKf2Ghf3MGO"
    "DOm0BsXoRNtuAvdO6t0h7q5GKim+4U0yq812r9IhVI56xFiPFQ/9mxvlQzBD8nbclvdswU"
    "Ki5ZhTiU8hy5n8A8t2REAMPcS/BkxK2TJiNkWFlkx2PEgoaLKEGWJWOmNXgKSE5q6iSwG7"
    "yyQTvj5JCfFtpAkvbySHlzci4eWrTSYCcrKZO0T0wxm7RTGJsGaIX4zYM8+7t/HI89op7s"
    "EkEjnXQi70Gf0m7NbqrrI9D2sUIbodG/TR1mVzaVCQEkwiK7pS7KubLB7tP4abbae+waPb"
    "733yHl83qK4F380kXU9KYNueRhIgP2AeCehTWW3eFKhhEwHlSP/8a7/XbiKDfi+GzM7Hzh"
    "DyOi3VjuZ5jvSnNqfletxI7w9/bQ+aiLA9JcdhWXwuyWQ5ToqZ2tiNOUQndkvm2oKYCm8R"
    "yj8ZLUxiY3QisSzqd3WkExtJ0I57OkVeZzVROjizJuF515hPLHCBO/6RCH6vAr1b7ZlqIX"
    "6O/+QYYqyS4OkeK1QmG97XSEtoeT8SS3uq9AzWkztnK+8DJltVOXV5c+rmFMRcGXUBwmNh"
    "MS+RDece/3xsQmNs5E5W9EywhYhjN70rrDw9lkx6SJroZORcXyhnI+eqcalAPvkZ/P2h8c"
    "G7/uH8Q4P+3Tg/3923f3QTSaHiX0aJySMRXFiyHIMlQdPDeLKkUhHEeJir89hrAWdRINBK"
    "AhRFWnInev4lfnxJs6tVrjgJK30BQi9d6T/eOnXrqc+teO/51kLsK0Jxa7E/4dtVNXYb/n"
    "SDPZCakuP7LvhRha0kQ1/esBV6c0YyRlaEaKpcQlEyXoVbNVVt4/0CvHsaYWxsCl/eBQBb"
    "+sK7oY1wh5q7OrHVqSqzdMEdcwp7gaHKA/xekwo7+oROU+UBW5bEtqyIW3Ptifom56bKnx"
    "3P+cMpa/L2dYxcCuSKilAzziaagr59sxxZpje/fQOFoYlesGEjVkqGtdYysaEtkWoh+i3q"
    "Kzahxhx0uoNCWazXlhXNLTzA+7LV4ZU1icqGilshpwo8EjPwqHQ1e5lGjhXHwNAdq+nm2S"
    "7QjCzYdCZTm+rt7goxsZ/0ndnb0UgTokSfSvZ3NCJhSsTAejaFeUVRCmf6vlXi7/MYx/mW"
    "gAWXRmR82az3dn+667vT2wIDlGrX6YJwf+HPCHs/FrH5b9lN+gRdHXRnQLybKpgZMTNmMY"
    "ft7tarfURBsCMrMyt9KoEds8IGnhxh+dIFMV+8yt9ZTHv9we8sosSlH+mt3uNTewDVSiXd"
    "WoCENNLvWEiKwiJS7lsd1rd2KqkaFqQ5rWTbeG7EZcs+ziVNSzYGBegOZ7Y436+YddG4uf"
    "YFK/jHJlHq8aHV7UaNQJpk2WOWs53lhA5TlWHjOUTLQ1d5iGsXlAx1mKp8UO/BRRBS0iJQ"
    "by2CGiY+GufdDxqFIWOq3edz0oZIj8chtPLSeoWh0DMBmbiJRs719RnmwRU8AG4lQs8xPe"
    "a5c1daIomqjCnjRss0X6aqrlqzXPNljbTaF0TjsyCZJx2WCpBY+y14u74t5VJlD2ep++aa"
    "gAxNxbywykzSFQ2CsGDlG5JpYfMvFuIDsygttpF8p4Mimczpr1LeRau3RU2ze3zPpqpvfL"
    "yqdEhV9k3g3TKm7JuakFeULPer5coo2neHJncryrDaAxTCVip72yiGtzk/g/VmY87PtXK0"
    "yeenxh4cB2rgpnNwWuqzDpZk3hOLAkzQyf99BycYcWyIWT356R3zwLilytwo1oWkafxfkt"
    "889BT1mH/GMRQWREfH4M53Jd7XebhXx56xgWric/KK5+7+w1+225lbOT8P5fwMci7lThgk"
    "ETmmi3uE3I+l9PMJneCulsvXwM88RYEs/HLE/uMTrBH9Gfkz/oCS1A/Uy7TdGvTAZwBdk3"
    "lHtHRd0gbtx/bgK7/GKkSza8MvfDQT2w4fDzTHu0HrqddEC9WeKaa00Ef6fbtNvx+nLeC5"
    "7zxYvl/mZPOKWmhGr7fDa31tdbqtj13KCOmVqqvwOSt2cceTyzCezpzEyEfGyXzhC8W7m6"
    "r2km9xulXh/j94uH/V42ov4gecypmrf4aJqkSKmOKf7gGWtddVhK4Ct+p49YYdr9yVXgC2"
    "7dVIxzV700Ib3hRD0FJVZjjo3A5rCXtEAfA+hQYrJ8KRzTEB5LcyUr5ijSp0enwqRvB2fb"
    "ORkj44ltmT+y80V7nJDukmo6rxfMwYnMXvE6YqX7xX8a4fqkhkRjlII7KdRRiQqbJpkRgr"
    "yIbGVT5FCQHeT4AoOwZyGTtClJWxozJ2HCGLK8VRFNk7jeL4RnK320ciTuZetZjYIG/zhw"
    "5R09nEULt1vMoRCmQLmcTApr3kMwv4pNo8moFuczU6UjZqRYXv42Xd841gk4Wempo/VOkS"
    "h9QlZDqVswhf3vMCJzVbM2JCLKgCFeA0bBmYGBpG8KlN1Dpv1NHHs5s8bsA9aBiqrWWC3y"
    "cooei7lyTxyI6Ux3UeGURk9Gv3rdthf/A3GE22ibkc6U+tQfvX/pfHdhPRkxLPiGPhkd6/"
    "v+/c0ktkOlVl+u9uq3fXRJqkC5KSyTrV78K20ABCs2zQ7g0hGkW3R/pjC2IdYOfKw4aCW8"
    "GY+FnNqp17FEIjPqe6FqJHgwzlgpChSTIdUuJpTDzJAOnEnEua+i9siVOk0BXnUp/W7vMC"
    "W/ugZzLRXrECET9zXgGf6FP12THpNT6b6Kfki8Eq/sQOisRpuRCkEZgTwpgEPaUhvc11kX"
    "/D+cGwlRSFLriEwhQJJqEVSfkQ3ou9FarU2U6cYnVHDxx6qMQDHSRbN7VyulOX/vhQ35TV"
    "1L7tPLS6Jx/q12u1sz34L88iCBP9ORfEQboK440YM3NMNng9kp2RPZQYOHFUTaGYIvjyOp"
    "qPnLOzSSOdqJEC7vNGvZF+TkvQvSE76CG6I5nTtTdF2oxNY9kIshmfxiIsvktH0ln6tAs0"
    "/5vo9NArDPLLDJCDPjs2qBScdccOEx4r/G8DOtsZHCuThTFII7C4Vxs5VzfnU/jvxdnIuZ"
    "ze0L9vrhrvR871WeNm5LxXGu+hbsmVgq+gNcw53d7h/5ULeu1Mel9HD2fo9DSSL/k2Yrlv"
    "YZTpf6Ps2ti0JUKbr3vLwfh208Ay/a8kT4AfEuXV9c0l5cr7iXy+yvHZecUU2d+OfgLdhS"
    "ybmHEVYDdyJ0IrMneKEDULxH2qEWJmLsm3oipR2HsRJfkYMLnQFBzM2mKmyjPEPhUqc5Pp"
    "lNflhgZDczqC+hNff8iT99OmARYHvoxVDQK7Z1h9nmWVPqPExyIIzQuTfK4zCD5sJow1Is"
    "WEDGwEOkx4LCDb/1W0mJkJbNXEYwpCbIbHhnjkMJnYsua18p5Klh+uLxpUcplcfqD/pZJL"
    "k0mU5x/gv+9BppFvJiBl3lyx5+i/8kqYxXtTDbLA5vjlNat1IUR3JAuiSItZJsOChRexnZ"
    "A3S4g+USUaphcNsWQ7Zlxdpt8e+72EHSdAsz6TVdlG/0YQxbcv62Ttl6mjy4Amk0Lovmed"
    "wvv+Wjs8IwCjECMiJc/Xq5vXw+HJMMB6yXNDMl/GU0mmooodWzFriL8nCJkxpAKfB0VwYC"
    "9F5+mrdcsgcRaEZOxDRBXq2VEPfmYG3NfIKuSzIw+lDE1d0sY6sbNtOFFKgfGv6by31Iws"
    "dGQTt6VxShX20DwB+7FGTGXMLmTQByKEAnMkZ7BB8QFhPmjGLLbb95YWL1HyMoD+ZlOeoT"
    "ieSdYs18QPk++JEwdNXtjz7D/CJjuvkiy57egzHABfW7ctiBDm1CP9a6fNS59BLg0re9Zr"
    "f+oPO60hu6rjZ2KrzLQy0umEZTXxZI2winifW1/Yvw3Jof8WwzgRSQrKw8/IIAdkq4F1JU"
    "fvpM/t3h3jmEs/0lufPw/6rF6hZBgmcesV/ta+HfJ6hf/Asi0Y13S371n6CPEQWRlOnAPE"
    "FEJBy1gNI9FzE6AQtjNVjdC/5pA7KSONyC9NBKLuEvFFjHj6OZo4cyNDEH7R7cyrUoE/YP"
    "a8W986B9fDlBXXReG6h1GA7e7Xr7g+g58wWWarmRAmEtlPzrJrmPUALWZUHESQIuf2M7Vn"
    "qoXcNHZ0EhAhocQ7Fx7fvc0GTBYUu2wsCZIIzJCsUSCFQcplMJx9rkcJK3i3lggJgBaFeo"
    "9lQgRDOW2VkOgcC1UKoZ+Bel+63Vp0k6jQ3Y5ucGtMgat7uBWA7C07eIQB9kCHYVq2hIWI"
    "BMYk18YJeMalV2Kqsf6Qjy7p/e8DDMlmscqhy617d5gjlE+TIA/N62fo62HGRfNmAMktDf"
    "SAFVUqK1BcFQ+WEt0Zr0c25KqMaRlhcy2zOwL2lY9SJpAOUMWLr8fkUl7+et1az2s89x9N"
    "1ePL3VUQ3Tjnp+he1TAcI6941TOXDocgGBk65zqUNSb69u3/jF/w8tu3n9mfjql9+wZRzI"
    "sZNr0TykJTbMszGGMe3+LrIG8eQUMWZMyITdBMspCk0/NQfVZ1enCetP/o3KNPnx+RiaE5"
    "kvKujiS0wBNkqf/C9FGF/tOeOfOJLqnaz/Qfr6qC+TgqvIZ+MjxVh9fT90yncwM/owUvyk"
    "G/h77Tll7oD7JhYFD86U+YmpTDULgj9KLQa74OKBD6C3sR0bUl/a3eR/OfnNy4zJsF/FC2"
    "iGNSAWe9X9n6Y/TLVDYnqlJmBy1lVvoeWJ9/7Q/7Tb78wAd41+43+SICr16vP2g9tMCvp9"
    "M1PpfoE4Nxt9P7nT5jjmEFjPS7Qb/XHruUignuZpf+vtvvD8afuy1ovcSC4A1N0sXwM/kL"
    "KsLczakrQTqRK5nWzn+aQAczXobI27DdDf1niCefNGRIW5w2zuCuDC2S6Tbt/T50kckuV0"
    "Q2i0oFQrrHxyjcG0Odg2T5gp1zscS/koEnFGJWIwp6/UEir7aqAipKDLQsJQQdbigIJZUq"
    "4PAABQTpG1mrdIZTFqTX6ASGu+a2e/WkojqydHU69UpygXA2Wdr5WuftIeiHCnlj/3tSyl"
    "BhIoFN1uu8eBuPy0JV7JgYtg0Np9znRUbWUL9TLQ+tAYzUOShEJ8QMqRRv5OpKyg7d4HtM"
    "yAgVCfo3c3P5et5LXN5+8ua9Tifw5i1SjFJQrc4Ft0sntBYGmwfYKurgCoB/2MShewdsIq"
    "xRumtuyKU6nTXSHJfwWLIIw26ubed4knUFBEiqyZ9q8gNiGed9gERgkH1ViJkQT+GjmaHN"
    "+I7ouU9H/+1z+5NI051Z/7JO+BCRwNwQacpzzDJO+hCRwECvTXv+2e7EF2/Ou7bpDHxYUY"
    "jMBO6KUG0kg50f9NE6wqfPp2iBwQzW/IVxZ6wqf81nqzxLZaw822CtjBQBqOKFk9E/zsjR"
    "NPHCYR9QSu1tzXEksI36zVQ4x4BqPDkiFaOElYa8NVIxYOXeMdor0DXryGZw2oit8OLd3g"
    "U7MCELwLf0cYrR9Zs5KO4AoSahUKbkiJP1iKftgSfRsKuqg/NR7bL1DaEKrBfzbtmua0OI"
    "LMOXPXuZSoW78TI0gNDGz7KzsuqUnAx9eXW3rBnsVep6rvbjWTW4CF2lwMUEAbEo3YzABm"
    "kqUKOgVsacytogmDqc1dog+9l25UrbKxzY0GaYIiFydSpVVpwU6K6f4UIZcXpUO5mqsuT+"
    "+oj1JnS/vslsoweeTGetYVk7c2xZEDliExZoLPHp8DOLK1kQ8wVDtqmkzq06srCuWCy7xc"
    "K2rbGutAh/p6/QlpRYxvF5QYW/Ybst6c9AaTWFPkpVoioVRpBUmHhcjyL9ZUo0jSwcY6wA"
    "oxRJ1ZZjRX3Gll1HkFQAU41SSDynso40qq+OJcuiGzL0AhGn15O0jO9MkVy5PEAiRuFyeG"
    "1pCpe7e1SEH5sNPiuqEhp7jsS442Gy0bpzhFVCCysn+ehdsQJXhuyf9ki/b3W6YIGd0r0U"
    "LLK3rd5tu8suyQCGpolil1Ww4hg4a0xfmKoY/u1DbqiBZBaUIFnGGX6lTHKjnbyzr3neaN"
    "KNJxdT9pEdJdk2nht25h5tQbrDWUrO9ivOFZFYqUmWPcamGdeobVMJ6SBVZZZOZ5YGtSdB"
    "kd+Q1xeiKh/UxSfseYhRtVONiRTe4lZbJy5A2BIM/zLJWjr+bo/dzT2HTB1DXvFbZH6DHJ"
    "mDzwGyir8i85dH2Y/n1nOcnW5TZlOYrnznZPF2IQVDvSZzuTGYKEnRiZAKjDiLXUPD9sPn"
    "Lp3joKL+1v943+l1Hn/No9jsQWKpMjh+wCigKpJiD5EUvtE+E6xrVBWwcRW8ZdXIPmHXya"
    "owlTTlu13Mojjv0eEvGshpPf7rM2x7qIq32guA954N9cU4vv0hLbxrW2MVCHTQQKC3CVMZ"
    "4Ck2TUlrg0egFhOnEn6gvilQxXQfHTP3wv4Ti/6sWTKdLi6sLNCgCgYRJBikJHVR6abXay"
    "JLlvSRft/vdvtPTddhNtK77dZdk4WCjPS7dqvbZFX+86iZabxnyb6zOM+ZqU4ct5lfmDcb"
    "a2iGCQ9YRdNbE1kUfRiE1XOGUtFYMukWayK+BdE/XjA2WHVn5Fi8KKgopTVndAOlEOYxAa"
    "yRVjaAygZwZAJT0apqUABIiWmQpFJR4yp0cgM77JvZkI0SVlN2qwWATccCVChPTn/0xjuy"
    "WZxWlQou3+0aamBKFoDxExvtizvYcU3jtPhGF3GaxJXKEFAWQwDfPzYYAvwNJoUhgC3Wqs"
    "JIuZT+hBNrQzlAj0DgMNkpK0VP7Bn67wHiZwz9PJaxNFd19SfDJM+mNEf+b3l7p375jS/D"
    "1v19Exq2T6dQ02Mw7LUHUNTDtOn3QUz5w+dW51MPQsrnhkQPmjyMKT6inP1/hvXhPS9yXI"
    "WHMPI+9u1DKf5pjm1VfsExckcy1iEigQEXKZqZYpaxEO+KooI4LcRetdmMOAfJygf2XjJL"
    "fNTwd0M1sZXDEpswxNFEnPolEN3mjRDjZ6ELpEhLC0k2esJ00tk7m81FstGmCkqlfN1pUh"
    "zrdICweIq4ufRFKSRTvY53tfzxpgGI/FS9HQMGY0OKa1iUvCnHEpdva95P4lQVHvsDusbI"
    "Qs/qawiSVF6GrV4GBlcB9tnSFxUKzqvM9tkV3qsIqLXwiwwN2iORV0e2YSVBHlr64GfYEa"
    "cyemX22sp+gP/pUCl1nhjxt7pd32zm9x9MWZfqCdoLS277d6RjrFg/QzECKndO6L6iQOth"
    "wp6WtFP02VRlKoLSKcICeQzJtKCkFNHZWxDloW1FK1Pt6R2VF0IsLwTE2nF8YkXz7Sbw0A"
    "ACi+e1ASurYrKyKo+tbruJLEnLZYMtOM7QMImBTXu5Exsig4jMivvW7bA/+BuMJtvEXI70"
    "p9ag/Wv/yyPlCt2Y8YzQnWSk9+/vO7f0EplO6fYy0rutHoSKSrogNW9M/Jyxu/eKQmD+5N"
    "Rki3dNcLRi5JrkOmwBkp3qsB1oJfAD1dAkmR+c7nEryTI2bAudjJyr67MP9L9X7y9HznXj"
    "/HrkvD87u6JX8M0FvYKv6JUPZ1OFXn9/Kadsinzo+m0W/RgNXMFUUYqp5bIxmjpCmy+gWr"
    "Clc5ggabqVSuO5GrNF3WFZnUtaQgB7gGx9FXG6U5deGOBr85FzdjZp7Dz/79q3nYdW9+S8"
    "UW+s4esthMtIQ0EOmPQ9F86crMI5Bc4yVjUosc17queY2fEDHA32haF+nQH0qUaIOQY/Vw"
    "7Ao8THArb9X0VP9SygG2SBzfHLa57tO0J7LJC/fG29zb4CWmGO/TtIdiwYLx2JF690Zzf/"
    "m+jcv1YM9JcZoJ84yjOmKMIX5GBBHPnxsQK+vo5sYqdNfCyaC2AKGRtgxMvBgyjx8XGgaK"
    "kmM/iM+XnBDxEfE/hvA/gUS7Zj4kyGhSCNGBXe4X2lqfAODdti+DHE3xMM/D5BGQxpm4IQ"
    "2n8MN6PtxyB0+71P3uPrLFhv2a3kjA8JU1bxIaLEh8TEY0WcxG+TOl0+f1okQCRLqtn2bL"
    "++joeE/qfoXD+xGLF7qp+fqVqkS9+mL0toNbW6Wd/kzn8x1LEZenR7n6mpX2LDQlPVtGxk"
    "Yawjetp/+yaTGTHtsSItv32roxlZIPr5LMAUI/jV6LyObliG1cUZDzzW6BwwY3pN7estMT"
    "79P2uWY04lPm9XY/PCQpWz/61SDlc8SZ10uCIROcktp8uyYE9+YKLHilUJR2yIapNIdYR4"
    "b1LdqEgU8RP+K2Z2JtcgcR8vTX+SwoqPKOcZYOQPVyBGQLzJAuJNBWIsiBdnWVDkT1cw7q"
    "xnFCcUP1LhAJt30rIWIxSvbm4Vii32qHfObZeKW+hVtVSbmGgxIxZGjF5Bmqq/oIlJnOcZ"
    "FWDJHENrLirD2hCwSgdHJ1PVsugY9IfghTeGxcy8/BPeRWXjPb8rVkJ2gXCJKtH4beNgs8"
    "lslbC2mrgZtIkASQm1iUaaAMhGcgBkIxIA6W6Z2QrzBWlErsxXA2uE2+0ayXS7VekXoYVq"
    "z5idgv+Ov1h8V/0ZndF3kNRFY0p0/Nr0+i1r0h57AAdubzyCLXhwzLu9V7WkynV6QbueMW"
    "Nw/G68PX8gPILAPjVAg2VyUGxZLsfXTvuJNdB9VfGCNdDttT/1h53WkF3V8TOxVclmd576"
    "vSZaEH2kd/uPdAyNWCmrM+w7lcAmu/EvSC/y0VpS9vFtNVfCfYiycqiK4lBNk3APMQhZxF"
    "/veYG317yi716qWLhLY7LM6LNep6sqG0TtcoIEA5QA1Q31Ig5f0Fc0gAt088dvDQWAW/pq"
    "HJENUaiSyUN6GrzcSaoWa2AO3K1vszCDOvsyVvyHtwde6BhNHEvVsWUxey6Zol+vEBuHAs"
    "/suL5lwjNVQBAEIKpjLSbIoogRN5mLQ+Ydl6iyHVe2Y0H2orSO/lIbNpmpckKUpb/UD2e1"
    "XD8lYXuIYJysogRIRDYj5FRTilf8wWoRE7eeOIn95ysXd6QJEazvLFiuCIQFk3u8oIMacy"
    "IjKeRZPpFnqqYwy5eVsnLDXkAfW9h2jMzQB8jEZQD7UiRTKdVC9HuRY6ATXpb3Lxa9rGkg"
    "xL4R+DA8/RFZgA+SCAv6m20hYN+jIgI0mswC6jpZBWwkimuBNW08jysxqD4nR3MFqITFlG"
    "3R9HUI7NSgooEUDmobOKGprM480O6hnRr4D43GxcVN4+zi+v3V5c3N1fsznwPRW5tY8bHz"
    "CbgRkkei7NHxYuwFH2WY9+tkYvOIRVaxjIUpMRl3eBKD5xc5/Krg+Ek8si0z7gE6cYE/PT"
    "11Q+I42IwRPC0kVqZ5G0Yo2EiqHvA4p2d88g4VJBSWC1m3/YvGzbUPKfxjE5qPD61uNwlS"
    "y5lnmNchGmHRrNEP9Pd3+GLL+1dAHD/cPBYkzIjZWRPb1wfu1jdZYbkF9mCN6yEFHso5cZ"
    "tQsK8zffTPsMUoctdr3hW6kclyukn2KZnx9CACTbKJtfRN2iAMhsfAjPTbbuf29ybUgpRf"
    "RvrdU7vbbSImS4/0x19bAyhdCzN7pH/uPw7bg/HjbavXRAEtho7R7z1+6Q6byFUYU+5na1"
    "2D0ljLknvtnUd67dnkBWeql+oT7It5RTQ95CYG9qneSWLQTZZx82eeJ4v4lshvSza7BUYJ"
    "c4moOGUTkos/hVszDYmVtMrMpnW6PQW4FMEsdrqzfjxNxinGieSkD3umuhHIYnAofOKllM"
    "vCRAJHw7A3QoKNxNtV0j3NtKdEUwlbUW+jXIiZ51DEWjAs7ChEX86JYyFVQRAEvNq+ZEJe"
    "1FwF0otPhIi200459aOEIk//F50s6OSfwolhqRqUgu63HHuGiAm9GPhR7vfxeCNvwcHdto"
    "cq+AlJJ2zXmeP5hHKAgu42yY2kp2Q8FCq/blomQOURfiyDnYkKSOorVlx5t+6KuHUIlrHr"
    "yO0QV0eKamJZkAPalsznbL10VxQCxwXXmDZiNamoRMXXhWQhG9RmBZ3YmA6lS691yjMFE3"
    "R6eprWnbbnzt6vkuZkMcv6z4u8SzE9sIk8p8Vc1ah0hymy4N8k9B0mUnVvh8ILulYYn95m"
    "owqaViJ82JwXsUZawsSII0mE8DCJZEIIYrj8YtHrieGjgbv1beGjDjybJXz0rvWljh5aX9"
    "CJwjQs2UbkFXPflFcmC+vcqehWDHhXZ5UCeBEuiPtk3kaLTnV6oLGyAbzgUjSydN8v21bF"
    "qyrf9dZxplX5rv2W76rieDPH8SqSk8U/yJ8W1jP4ZuE180wwzisY42Gkh10GGN2nKxjXYY"
    "TtK3OsV4CoNIgewOkpjBCNqQRhWvZXqjPWYuXo4AMpRGlsjlnE0PjVI0jR1haD5Z8bQXmM"
    "LpNd3dAjwvRB+oDrzuBWamiRd3HxYeR8OL9URs71hfQeGuKdnbuuONV0m+rFVP06xAt3KJ"
    "VyUKP3jy5c88ma3U4RpKuMFJWRIn5/hV3zDmLN4vbW1c2t+ypspmPFf3brljqEKFliwg+A"
    "DYxRwj4lBWLd0Mk5+n/eZsdcgBL3gbv+8MmSXghEf5K4Aor7fNEOW+hbB5y87Za5F1fHpl"
    "7i7rzMHIF7WKlx/6dU3gBcgXYr/itj9yq4tXGncks5HT4C1LIl084ex1lZJne1THq4ZxSe"
    "gnSV8CSc8BQ0CmA9jxdvRVWxV2j20pVoOzEmn3Qh1ivqw3kZoPH7C/amXGr/+cd+//f2XR"
    "Nx6pF+RwFtIoXoeKTftnq37W4XbsvwOzUtteN83/UFTZyzYVuYsoSrsMT1Bd+mRptgRa6K"
    "tm6/VQS1cOumYFx/jBDdg8IbUQcjszgKc+bqd93VSEc2g//jzaQt5e/Ci3d7ccHAhCwA3y"
    "c22hd3sOOaxGkRji7hhAqD0dOtAIRTF8c8UnSTa2MWXrpxxR1Tit9fPrqEXpfSAdb8hIR4"
    "9rgmo4GUcps5Ei79J59RzYUh2bS2wmmrgW3MmZTOzlZruX7Jv1jo/KcrxGm5jd4dr46e1V"
    "es+5UdILTw1yvXRg/JKDwzRbXjGigVO3ga258ZUGzIQud7T2X5O6jlr1JR9iBK+5M5PaZB"
    "EoEhZUlW/k5hSRq2DGxaREcLiMXg3/cmmFsyiavhs9l55ROVSSMsonqMTObzWOFuQ4baik"
    "TgPKiczte99Ecwc5oEzcogeKQGQU/uy3Q0hImK2amOXqbZydMeYUiUG556lFKFDbjVj4oV"
    "aVXY8ByMN8EUF7/wRM9sHFvHyr1T36RcLdgzKZUqiHuCk4u3gfUr+jPFx8RTbJrYbCINv0"
    "KWLEvBogQmWUBBGHNJbyjPVOmZk1cMhx/SiPxixUdXFf6WkT7Sv33zLlrfviE2qsWI10is"
    "nxGW5BlLJ4MeuLb0gvmDOv5uj3TdgYx5/m6XlL7eQlAYh89Ulm924n553R+4jiaO/ILtd3"
    "XIXrUXZKQvTNWGhDWWxWZpKkszNiSo9AgfRr8dvHM6sdGE2DOOS1qlsVIOD6kcsgmZRQb0"
    "CQSWAGt4bthu8SAerMi+2qv8ZDoaTls9cM/57/7izTC1QzSlSeQoTEt0DCWn0B2mrMRuUc"
    "TumOgY9+tXXHdPrWxid5ioEruLFLulVceuncTu9J2/xGJFWrE7PAf3LnavPJ1xonfID7pB"
    "/F75ElPK4I9kjkEoXcwIFHGXZ1RedFY9N3hiF6UmmkYWUNeJn9RkOlVlVdJW4rTJSgr9ZJ"
    "jk2ZTmLBUsKovv/W2VFCuWFAsJK3HAJouxK4pC5Nh9oFvz5uNP/nz0Pzqr5HqdptzfdXK5"
    "v+tIuT+3stc4O/RRSmFZkNOUXDza9FeSjDAHSCp8t+FrORP4rgmOKyFOiIYlPcG9FCJcA3"
    "pCKfelJvhXDhs1/7Hf74ZUgo+dtaT53peHj+3ByTlDnz6kcmEmxp3nQ5cnLWWduAB1TTD3"
    "1PFqZ1GviKPvxO0Y8orfIvNbsulvnTj57DAR4orXIvOa/X8GwcR7XmQDMnObQAclyctzR8"
    "/SK+YhMJCXBKFzftycGBK5QdGMYURbl82lQQGN54ZPJTo72IcWyY9Na7D9xzC0/DzcTx5a"
    "f7wLLcFuv/fJezzAp9tu/2Mcf8YzyYpJwN/QtyFEJW7XBmFE+SoPLxn647T/pwm7qbw+Ze"
    "N6Gq8PD6yQtLElU55kc/7E0gocl/tmDlUveiUPvEcR8MxDBLwPZv0jWH12Km24mghE9FDB"
    "QiGLlKJewSx4K+/mQczc0PJ7wcv8JfX2oOIPlfIcFjWlWsE6gIfjx4ZMT2/qRJmTOVEuvb"
    "vzaBdHWs/o2g6SIl0xvKUXwI2BO+CjN54QPCncBx17FGbOYlzPOIqrTusS3v++PSexbCmj"
    "oZk6lV4JxFDuiNG9O8wRSqWpYPIn5qpdbX6wvMXs98gt4bwKlnXLj1T6UPdjwUisSKWyiF"
    "UFxDglHCy7BTlRGUWhHyBptbggp9Xd+sYgJ/+51MnbJqb8tNaC/pFN0AT6NarKz8iase6B"
    "FOtfVOWvcTnaucZIk4odZoL7Gkyh1t1O3H6BMPo7dYu+eBwwiFU52wcNaJLmjFfTuMq4m0"
    "r8h+lETnmtQX6KvupnOpE02F5/dpub8g3KxDJWX7GF+O9CP6EpztZi9iBN0QNyHcbZmRYg"
    "Kk04/4Fxn9N9j+RuP7+iPmBtRB5EW8u4ap7at7+2hk3EqUf6Q6v3pdVtInoYOvxEe+MOTU"
    "dYpdLEQb9hBmYM2l877adO71MT+WOM9M+tv7FLhrRk/77t9+47gwd2jXJiqppz97nOXZOd"
    "6SN90P6tfTuEqpYm/geWbSh7ed/qsDqXU0kVpshlSGyI8Di5Edc63XF05KpNHEvVsWVBp7"
    "46FM9npxNrP4g0dZ62ufAGLsQ07HrzYOY9gRkKpeefzOD0xE30TCBhleSZ6cW7kanoq43j"
    "Q1u2RFSEKEVmCCxK1e3q4Op+n6UlF8ka9bOzM7R0pJRtzA8dTEFBtuK2oORFsqIQmSeL2d"
    "I/AkBVz7/576WeCXHs8UTV6PwmmTaoMFnZ4tGLzwv2VfAcYMfRCjzlhQkc8nEDITRTRGOU"
    "snx4N9Lg3UjGuxGNV5TkF+jmrOrTmPk9xN8T1OV1ujJgfejjk6uLY2ZfxHq2hsVxtGXgwZ"
    "ru1EijGNOnkrWnRkQ5rmITk9E/zii1NLGJcfb0jOxPGKJKjBAnODHK9ylVeK1ZLn6vkVZ8"
    "FpnPVexx2Xb1NLHHwlSceWsWFxzr6nbrNQyTvGYNOo6lFTj0+A1jurmJaTxZZg3rXies4I"
    "1Jbcf0BUrOSRxPXMG8NQw7MZBrj1HYou3GRZadSt6VDwqxYJM4LcKxZ1GKIPa15V9BvR3q"
    "+B0zVcKAf5pVOKfJE1g//HdIEsA6/ahdA+C7rJBxmw61LA/sMdHKxQXHtrCpyrNaTGCse6"
    "e+KShWWj2zz6bhVbDpIYNN6ZZpqdmc6QGSwwVqHc7XtQ/XOSyqDAi7j5cQ3fOzszSelbOz"
    "ZM8K3FvvZqPbsd1sfnvs9xJcKiuSdcubKtvo3wiaUh4h2hvABTA2+xLX3Yb1sN0MBvi4a5"
    "HgXQ+z//x/IHFTzw=="
)
