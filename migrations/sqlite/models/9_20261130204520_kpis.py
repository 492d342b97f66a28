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
) /* Chat replies per handler (the parsed intent, or the exact command) on a business day. */;
        CREATE TABLE IF NOT EXISTS "kpi_listing_share_daily" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "day" DATE NOT NULL,
    "listing_id" INT NOT NULL,
    "shares" INT NOT NULL,
    CONSTRAINT "uid_kpi_listing_day_955466" UNIQUE ("day", "listing_id")
) /* Visits through shared links of one listing on a business day (the most forwarded listing on the dashboard). */;
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
    "sharer_id" INT NOT NULL /* the account credited with the visit of the sharer; 0: none */,
    CONSTRAINT "uid_kpi_sharer__day_2180ac" UNIQUE ("day", "visitor")
) /* A visitor whose shared link brought someone on that day (fission: new visitors per sharer). */;
        CREATE TABLE IF NOT EXISTS "kpi_track_daily" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "day" DATE NOT NULL,
    "sharer_id" INT NOT NULL /* 0: nobody credited */,
    "channel" VARCHAR(16) NOT NULL,
    "views" INT NOT NULL,
    "shares" INT NOT NULL /* visits through a shared link (child views) */,
    "share_setups" INT NOT NULL /* share cards set up (the WeChat callback) */,
    "consults" INT NOT NULL,
    "poster_scans" INT NOT NULL,
    "dwell_ms" BIGINT NOT NULL /* visible reading time of the views of the day */,
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
    "owner_id" INT /* salesperson of the client when rated */,
    "score" SMALLINT NOT NULL,
    "comment" VARCHAR(255),
    "rated_at" TIMESTAMP NOT NULL,
    "viewing_id" INT NOT NULL UNIQUE REFERENCES "viewings" ("id") ON DELETE CASCADE
) /* The 1-5 rating a client gives a viewing, given through the H5 link sent after it. */;
CREATE INDEX IF NOT EXISTS "idx_viewing_rat_rated_a_e150c1" ON "viewing_ratings" ("rated_at", "owner_id");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "kpi_listing_share_daily";
        DROP TABLE IF EXISTS "kpi_usage_daily";
        DROP TABLE IF EXISTS "kpi_active_day";
        DROP TABLE IF EXISTS "kpi_sharer_day";
        DROP TABLE IF EXISTS "kpi_retention";
        DROP TABLE IF EXISTS "kpi_endpoint_daily";
        DROP TABLE IF EXISTS "channel_spend";
        DROP TABLE IF EXISTS "viewing_ratings";
        DROP TABLE IF EXISTS "kpi_user_first_view";
        DROP TABLE IF EXISTS "kpi_track_daily";
        DROP TABLE IF EXISTS "kpi_first_seen";
        DROP TABLE IF EXISTS "kpi_intent_daily";
        DROP TABLE IF EXISTS "kpi_view_depth";
        DROP TABLE IF EXISTS "kpi_client_milestones";"""


MODELS_STATE = (
    "eJztfeuXoki2778Sy09Z99p5TPNVZc+dtaxMs9puU+uYVuXMtGdRCGHKJBI0j7TsM/2/39"
    "gRgCCggKhI8WF6KoEd4G/HY7/3/9bmRMaqed6WJGJrVq2F/remiXNM/7F+q45qoq6vbsAF"
    "S5yo7FmRP8QuihPTMkQJBpuKqonpJRmbkqHolkI0eLqNTEucTtEczyfYQGeiPFe0OpqLmv"
    "iCjToyRRWb7xAxkKgh/N3ChiaqyMBTbBj0H7poWBo2zuFlMpHo2xTtJedxbU35w8aCRV6w"
    "NcMGHf33/6GXFU3G37Hp/qm/ClMFq3IAN0WGAdh1wVrq7FpXsx7Yg/DJE0Eiqj3XVg/rS2"
    "tGNO9phcP9gunXiBaG4S3DBiA1W1UdzF1s+ZeuHuGf6KOR8VS0VWAHUPMPWF2rCUJ/MBKe"
    "OiNBqIVY5VL4UHYuSUQDNivAdPj1L/AJPzUvrm6v3l/eXL2nj7DP9K7c/sVfvQKGEzJ4+q"
    "PaX+y+aIn8CYbxClT2/yFY72aiEY2r+/wasvST15F1cdwErXthhe1qZh8C3Ln4XVCx9mLN"
    "6J83VxuQ/Noe3v3SHp7dXL2DFxK6EPkK7Tt3muwWgL0C1yBqDLgdzZ4zgLv0g0RNwiGgXd"
    "oiA11r3z92+y3E9oOx9tjutz91hi13YxhrT+1e56nF94ex9rk9HPXhvrMhrO8zSZh0cZOA"
    "SRc3sUyCW0Em6RTeCC51NMlY6hTh6HXgUWXij7ODFGUdbIB01PnHCEaem+Yfqh/Ks8f2Px"
    "jK86Vzpzfof3If90F/1xt8jIJcmInmLM3WE6TaE+4H3dv3vP1QWUF5i5jaHwndW0QtGuUV"
    "0RrCE0q1r63HRf2wc/vjYNALzO2P3fXJ++XxY4fuJwx0+pBiYf+xuoJ6Qn8dBVFOP6vDlL"
    "nM7OMKLXue2CvM8HddMbApiFYY83uKlqXM8Tbcg2OsoS87g5y7/yjX7t597DyN2o+fA8vg"
    "vj3qwJ1mYHt3r56tH67eIOi5O/oFwZ/oX4N+h6FJTOvFYG9cPTf6Vw2+SbQtImhkIYiyHx"
    "P3snspwHnJwIB7Bn4HKXPgcuGEWfoD5YGmLp0ZeCJsdxbLRq478qSQSgMMEm3XBI+2kGtU"
    "EXZFZrSYERMjC4tzZM0UEzkGADTBKtFeTGSRhFJzDnojaOLT10i10fncMDseiIGVF+03vA"
    "ypN2ssCJtBysuNv9zJ6V5d/RxDXHi2jrU5S8GiEGEuc9DPRf0vvV6NsWUiSq8L0ZCFGP7A"
    "J0cIfg7Vw29DrIrsB1d8ieJLUIy2ZcUSsEaHwuaOoMJQPfJSGFTTChGbkZJmoqZhVTB1rM"
    "k7QnXHx3qCocoKl6pgx7a7A05skJIixE3IVGqroNo6mch8rpgmHVowbHXXjerOG21oq6er"
    "82ybXRIxZDq7ZCyqOwJ2T4coKUxYNDQ6yI4AdfgoJ6hYJQJpSlSVLGx9R5Qe2DBf9JJOJR"
    "XLkVpDGoh6bIwOFceWZZ1MKn6jUhRIUy+7buQ9GOqOjVRatBTT2n1/6vFRSrrwDPym4AU9"
    "6iqwtoNl6yoRQS6YY1kRc0Hq0R2phHA5Uyqn/YoP9mSJlm0m3rdOETaNWMpUkRgeO4LW9w"
    "1V1l3ejSYSTIn+uh0BGzqDPcFYJZ1fpiW+4HwW5RMMVerF6BkabBMbO6L1jCno1hcTFycS"
    "hP4aw7SciDywnyrWTNEQmFRFi8I3seFBelmTySJH0ym8RzbExc7q9bM3UFn3N8YhQdR1g7"
    "wdFq7TXK//xhK4c48zw04RMhPT+3I1wzbABZ410iQ+j1rA1xa85dvlRFXFEQEJLp4DDY8I"
    "/U8CVL2RSoJo4DBg5yI7YXPBqoDHrIkttJhhDYnBiHliuDGvaCaaaEJsTeaey2eQqyzkgr"
    "Lj5J0352uTl3tMZWc4IPb8uxDndy9CuEhEboJ7s74pO+FVVwQeLyjIzrNbcxSeyBwTjcod"
    "jA4RhpVtTEUJo7Nv32bX376hN8VULIqZRMirQsf49m2uaAr9DnoPkEKK/I5TTmxTodqAie"
    "j7w3kLe35XRC7D7zVnfPYtHBPTnsBhVfufXRIdPiovP0quw4dm8/Lyttm4vHl/fXV7e/2+"
    "4QWvhG9timL52P0EgSx1f9TS9owIHwOTxnD6SIocrp8xfvN9gvDN97HRm+/XgzedVRGO3Y"
    "vG1nl8U8DeCSK8AVIIuFuDzN1BUk1Jj6SEU7KZJKS4GR9S3GQhxaH4tvjIqlSSYdqT2A0K"
    "ijqIfQFDG7IEWYSS6jy27QiOx3x7ct7vNaxZisWWJP8XxKr9T5Wzd8icPRBnuGScdDdYUR"
    "R5M3ACos55qHYdOY6Fc5M5A+rI9bF7D5yfh2S+JLvHVZIT7Sr+SLsKnWmrRZGUIyuKInMk"
    "4/Z82UwA8GUzFmC4FQVwugDwAE2B478PvK/40mjwlBgRgu6vT4N+TNKMR7EujymShf7DVu"
    "zp4boBNIACRo5Pf1zPdKwHsx9ggPX0R3FqRZlA4mH3CCrUd0A9dcpQlSp0eqlCVNIhKROF"
    "/CTVMbE19YfBFYb35BN/djZ219eSefzzKnUqzz4VzkBqRYTSuZ56Ea94BhI+ktl/H4mGlw"
    "gILDCrcvPsHzZYYcEF7Yzo3pLFJTojBhX9DSQiSZzrIp1kaKKoKpbhIQus5/Spd2Hr717f"
    "lERVZq8WuN7lvK1SlQ+rKruwh5BNVoTFR15kNa12P/jyTyjEIhN7CZVYhp2HznDY7rW8Ik"
    "xj7Wv3qTtqcX/HWBs8PHTvuu2e0L67G3zp0xtkOlUkRVQFJ5lurFGJq9/v9J5a7loxx9rj"
    "4LHTHz0J7fsWmpM5JOXQ05le7/a77c+f6UXuPaFvGP0CtV4IWx7JJsMebHwBM6pvPSY1P/"
    "tpfmgbtDiHSSFMcQR8m5xTQbpM8lXRgDuknyoQL5quUpfzfBkKFK3VgGomMeDRp+KrQDVD"
    "JryqskQ8+uVVF13eTVLaFkN0leK4VXFcYVZpj9u1x9AMK5YKyVOpo5RHL8l6g9q4yubes7"
    "eSLDSvnAYLiK8UsAMrYIQq0loq15iPpJJdkskuHDF6yhkRVV+2Iu3RFbemovupCH4yS18g"
    "NuQzvIAlR6dKrvK9jlT8IqrItKki+x2JmoxMXZQwcxwbSLZ1FVKkMFVmsfRqZlFJ98Q8za"
    "IboJC2Eu86XfnWSv6FA6tar1Wt13KWxHSC66NkmC2zO0BZzfD0M9wDMPUsD1NWM33rTMdz"
    "UYkw6G+Z5R5VNcPTz3AGXurZHaSqZvbWmU1/lW06ZW2SguynKcPU3ntLBqYypEF4RVFgfG"
    "u6m8GOdJUqPXUkmiy9WxcNSGICDU9UlT+xiRQri+qTPydMYhtxaTbbPbMr6sM5ZmsrX2bl"
    "m90+G9L5Zhk/KapW5Om+IdFlnbDAq7RINiNuDc26+lziAy4+io1jWE6z+rr9UQdWEKeGld"
    "Z57vY/wVrDC8qCsdbvfBqMuu0Ru6rhF2IposXuPA/osl0QumZ7gyc6hkrMTHtn/j1roGCl"
    "oBtkIk4UNTLz4Ilu92qs9TqK/nCu+YtG2sMN0yWuWXUE+dVTg8zZ0eZNwsRW7svm7Y1n4I"
    "Y/Ntm2nx7bvV7YDa/MdWLQVRGV77+pr0qA7oCtVbwrJ9tbBQIZIqpVjPD3mNntEZThKDi0"
    "rqdRWAU30ypDNEQU/UF6qhxSEzyRCAgXpI0hENypnCXwJUh5Kkx2PxtNllQXMhFzEbPelW"
    "57gRaaKbKMNYTfsLFcUBmZvvMV6xZzJLGiWZBwm+zoKdNUoXCYkdpzrKDhozigfLEvqTzn"
    "/Lsq5Cwe6vKGnNm6nJHrQcqK60XhesTeGSp+5YUfCGSaLtQwgrLAwYY11gGaJ+4jHufFwj"
    "W4xgbBG8y1W3cLXykyYsWXWHRHi57BVIOSnSQc1jaW6n4mZN8Q+pA2VXigyuH3an8gWULG"
    "+UkKzLGjHX9uNdJ0qK5RVcCGgfUV2kuHbZiwgndrWDNb5mGQq4jm+lpEs38/jAlmjtoeKm"
    "i3Q7u2KSZAd2MxztQAF7AWZ+4YhzfHBDD7hbcccC5YB7OiCHtJWRghSu/QY5NqCKZC4Ra8"
    "YcvVn67o3I2Kos6FA3d8rBNUoBNBdbhudycJz6Hb3Z3IcRjA6PDd7k5yKs0AmHJ23GLtmN"
    "1DgXVjhm0FzQg9Jnllc+d3ozNfTAU7IFT6tPwux72/akB1Yg2oThEtr/8Uftu9E7Hbf6rz"
    "ViSBL1/AjtZ/6iSPCiccbUegvvJRSjSjUiWx+1frH7Zi4DmOjNNK3WtkGByuRNimzvl3la"
    "PY1H+f9rStAoDg19q2l45rayxgGTl6JDRVAQUUkSlUbOOyyJnoy/SF0H0YlNV7m2OD/iyk"
    "aFyJpTopa4jEx4goH7f3t22vX1CVKjhkqYK0CdhV4nXQm14lXhcqkLNKvK4Sr8s9w6vE64"
    "PO9CpcMR760wxcS1Qhj0vq6arj+WnKVPJzb6XxPM/foRzERQM4cVk8/9QKOG/v2k937fvO"
    "cSviPSoqNi2iOcyPVJB9z9S3ddd0fu48SLJVU36GHqSgrDp6Kt2epBlVR+H/kGlhHbRYsO"
    "BPbVYD/Qx+DP1JxHv0XZ3+a2IrqpNwB5kSBlmYYT15z+9KUuUveL54cUb0ud9rCzpJ1q/H"
    "6tUH2Ox+dC27CqTNPd5zUyWFTUnzmeXeoh0e+y5O8ONJvrWxfT0Rm2P7pnl5S/89vb6m/7"
    "24uU7lti26/Jso6W2qGKZnqc4wBaLoT2giwMmNRYMecqYFJzmb0WDhFlkLc3qsw+9zejP+"
    "ZOs/3gTx+ZoyTI8w9UESaXPaJD7cNhp0k5Cu6FZx3Wzc0H/ffmhA8J+GqQzIfR8WRALC7K"
    "FC4oTYvFPQjzVHdNucZTpAAoSnNDOuLy8/0PlxcSXTOXEpvqf/bjQuWs524QYHEZ1+Losb"
    "nRDyin/AmQGFaehwWbaONdJTmh03F40pnSNXF3RGAHMpGZbrdPQ3YigWnxELg1gYooXthM"
    "WayzQtnHiQDLMiSHlKk+IaN+kBcnvbmPx4/PYFSWYqurJOfUp8fy813oP40Lz68fi+Mk+l"
    "4feK6pT4fNO8oMLiFRavXDHAVF7g+Gehw3THZyGDUHHtx5sHbm25tUi1TRXFXJKqmFiKYm"
    "IxyS/by+VFFRTboy8rbYk8UbKUNx6EbzrLKtkiyrE03smWDitMlMQp7FohN+aR/G1kPldM"
    "KC41tNkPD3vbgk/UN8ajes8KBn04oZttoGHkVLhynVyrgRAb6Gck8uPNNjGvyOwSKBrkRk"
    "r0vAMHmmKhheiu3LCTba9vqgJRi+UiK0CZtRLg68vonE4xOx4FcC+nPZXC1Iex3lf1LLNJ"
    "0qaOpTCPf30a9GN8oc7z61xVJAv9hxkqC+SNUfEbPbrqCD7FhAqWbMeHb67THf1PzLwy7K"
    "E6VbHoi5GB4aylp4OJMf2f8aZI2DxfHR6729YA2sDkCMV2rodxrnEdBgiVoa26Hbvu7Ovr"
    "JP7s6+t4hzbc+9E92lUsZ9XtuOp2fGiQE4d17tztuKpvklcWbUpFnGEVoX67GMYr3R6jEq"
    "R+uqZiiCTAzFYsqrwRLAsXFeewPqhgBPKPSHVjfRmjJ4P+SzXkCB17T++otOtiades9wnD"
    "J1K83N78JjBAkeMna0PW+sZgjW+e2r1Oi83ohHbhgBCapAFRfPuhcPMhttAySJ8BwhIKny"
    "cibCZzacE2KtBFZMSwOcatFSTbxOSTlYei+As8C1VI1ixhamAszIlmzVL7raLoC+vCSntA"
    "5OGx4nNtiUUjAtt7LCkU3k2z1KNcn6Wc9NwZolzztHPXpWieXdeba95W9yC4aqzv92z6qU"
    "uBT0gcYdr+qLzETuMo6hJpoB+azcvL22bj8ub99dXt7fX7hjetw7c2TfKP3U8wxQMbfkS2"
    "CBUBqDRqUSEmNSfCtBUfMvNB+RNn4ICPqsiZtbUFlIS1FGyY6IWgybK1Shb4CbZNJpbWkd"
    "NQiWlauqFI6Rr6HZplrChgVr1hRX3Arpk8LqSWknntu1H3K1UXOPVYu2v37zq9Xue+hST4"
    "baqK5bE26gwfu30qttDLFjbmisa+PoN6kX+HTAPzEzpLQoaf8nR0jJrj3Td91ggTmRbR0Q"
    "RDrP3UIH/iHzC0DiwygqmJujkjEbMh3jMYIjwFF2EeIt5ePHpOo+ZXnKq/fZAqF+/ePqxb"
    "Nagngx7Nl67MWwnSD151qpWokpat0Xb+VVww/dlZLC9+uioor8j7HeUUVZVEMyqCKH6hBa"
    "kqN3rlRq/c6FVJpIO2g5OIIWeITggTlsgokR+8IMymw3VFUU3YqobXQWt4rc/cPGANpQOU"
    "FF7fug2AO6Tn3rB7N1pvs+ftnjmAXPpApfBhs0OkUtVq6PDhSi5aERFLPiDjg5b8PEtSiE"
    "/kdU/cDo1QS0czuWkArrNuIi03dedMVugEs1jsEa8Xz2K539XpA3/YoqrQH8nik2S44mT6"
    "R5XkO9BbkxTnW5m9fZbV+BJ8VczTHmKeUhrddrG2HQRYFoPV+psi/731N/Ax/b3Opmfrb1"
    "y0WF09Pw+tjuOY3V4VLWJiJ3McubSFjjW777R7LbafjLX//tLudR+6nXuh12nft1abiABc"
    "Gmtfu53nbv9Ty91LiuEygimTlUUubbFZ1B127kaUSWy7H2tPnbtBn7KHb/pZmJBzWCA7dt"
    "JsVB5BkXHPaLC8bCYA97IZiy7cCsI7EU0lxnsdDa9HUGR4azOyYF4WHp/NkpudwsJ1hM9f"
    "zlHj/BrKjjRFqE4HpWZuP8hTqE0mXxTjcOBfnj4YJEhXJiNNFdixhQU1nzc/xVp5GA7+1e"
    "m3nFiAsTbs0BP6CQI4HOFchmtfO0PnGiSWw7W7XvuZHucf23e/tZCkigvQgKk+VoyT+7SC"
    "ParE7qx1VvkMzc7myn99CnyG7QX2FoGebUqEOLjFsRqirrhdaG5XLvQf0IUucj9BOodkkK"
    "hM4m5uXt7jhCYUbHvMG1SW8JkKUh9FBehWz7m4choezP1YtI0gqf8xuAdud54fPiqhYHN3"
    "96CElU93fVPIAdaElSZOFFTfPpi2V5s/npV+DN7RSd7D8gs2OnSoZXng3q+jXJN1Qt91Ly"
    "pMAg27ywMP1Le1ssPO44LsPb/VfT7EFH/TMqHOBvNnE9vCCJrPoIltKho2TSSLS+ghYEM2"
    "GdQ3A2+3YRDD9DrU0LmBNWmJZoppkRdDnIc95vt8UYST/HeqnzAI2Hu4N7wqCHKsgiBihH"
    "M8vj6B8/iOdQkKKn9EJnxHFCZg0zYEWrwnySMosicpo6PuQxJ79od4e/aHCHs2341SLHY/"
    "SWlKPORXAZbt0yngXBEUFkzKclOnsGETXTcavCjVhLylS6DODeGJLb3iqBkbn17pIzl8Ym"
    "Xtb1Nbk1gjO9Z5VtHMc3jf39N61NyFh3QqD7gCAP9p6MyrtzrHlB2Sef7xy91vndGT8Pj0"
    "LhmfDpGlGVLN46XyfQqcD07zpyhZ07u3Ucx020clC86M340iJbYFhhxPwTZ5pI/TwayS3Y"
    "4qu1Xeg3joy+s9cNZeOptskKjyHkQc4r4tLh22YcIK3+1277UTZUdL4jMb7Ysz2IkhndSg"
    "GJ5o203g7km9O8S91UglxTe4Saa12e5VOoTKUU8Ya5HioXdzo3wIZkjejtt0n81ZSDRtYy"
    "ryKWTak39jyQoJiIGH+NeASSldRsymqNCSyY4HCQWNlzADzEpm7PKRlNDclXcpYGeZpMLX"
    "Iykhvs0k4eXN+PDyZii8fLXJhECON3MHiH44Y3dRTCKsGeIXPfLMc+9tPPLcdop7MImEzr"
    "WAC31Gvwk7tbqrbM/DGkWIZkUGfXQ0yVjqFKQYk8iKrhT76iaLR+cfo822U8/g0Rv0P7mP"
    "rxtU14LvZqKmxSWwbU8j8ZEfMI8E9Km0Nm8K1KiFgHKsff5l0O+0kE6/F0Nm51N3BHmdpm"
    "KF8zzH2nOH03I9bqwNRr90hi1E2J6S4bDMP5dkshTiYqY2dmMO0BW7JXNtQQyZtwjln4wW"
    "BrEwOhNZFvW7OtKIhURoxz2dIrezWlE6OLMm4VnXmEdc4AJ3/CMR/F4ZerdaM8VE/Bz/yd"
    "aLsUr8p3ukUBlveF8jLaHl/UQs7YnSM1hP7oytvA+YbFXl1GXNqZtTEDNl1PkIT4XFvEQ2"
    "nHv887EBjbGRM1nRC8EmIrbVcq+w8vRYNOghaaCzsX1zKTfG9nXzSoZ88gb8+0Pzg3v9w8"
    "WHJv138+Jid9/+yU0kmYp/KSUml6TgwpJp6ywJmh7GkyWViiDGw1idx24LOJMCgVYSYFGk"
    "JWeiZ1/ip5c0u1rlsh2z0hcg9NKV/uOtU6ee+tyM9p5vLcS+IixuLfZnfLeqxm7BP51gD6"
    "Qk5Pi+C35UYSvx0Jc3bIXenJGUkRUBmiqXsCgZr4VbNVVt4/0CvHsaYWRsCl/eOQBb+sK7"
    "gY1wh5q7GrGUqSKxdMEdcwr7vqHKA/xekwq72oROU/kRm6bItqyQW3Ptifom56bCnxXm/O"
    "GENXkHGkYOBXJERagZZxFVRt++mbYk0ZvfvoHC0EKvWLcQKyXDWmsZWFeXSDER/RblDRtQ"
    "Yw463UGhLNZrywznFh7gfenq8EqqSGVD2amQUwUeFTPwqHQ1e5lGjmVbx9Adq+Xk2S7QjC"
    "zYdCZTi+rtzgoxsJf0ndrb0UwSokSfivd3NENhSkTHWjqFeUVRCmf6vlXi7/MIx/mWgAWH"
    "psj4slnv7v5013emtwkGKMWq0wXh/MKfEXZ/LGLz37Ra9Am6OujOgHg3VTAzYmbMYg7b3a"
    "1X+4iCYEdWalZ6VAV2zBY28OQEy5cuiPHqVv5OY9obDH9jESUO/Vhr95+eO0OoVipq5gIk"
    "pLF2z0JSZBaR8tDusr61U1FRcUGa04qWhed6VLbs01xU1XhjkI/ucGaLi/2KWZfN2xtPsI"
    "I/NolST4/tXi9sBFJF0xJYznaaEzpIVYaN5xAtDx3lIapdUDzUQaryQb0HF0FASQtBvbUI"
    "apD4ZJx3P2gUhoSpdp/NSRsgPR2H0MpL6xaGQi8EZOIWGts3Nw3Mgyt4ANxKhJ5jesxz56"
    "64RCJVGRPGjZZpvkwVTTFnmebLGmm1LxSNzwXJPOmyVIDY2m/+2/VtKZcKezhN3TfHBKSr"
    "CuaFVWaiJqsQhAUrXxchHgfxYVmMFttGvtMhkUTm9DfJ78K128KG2b29ZVPFNz5eVTakKv"
    "lW4J0youSbEpNTFC/zK+XKJtp3dyZnI0qx2n0Uha1SdtwIhuOcnf5asxFn51op2vizU2UP"
    "Cr76t8mcm6byooEVmffDogATdPZ/38EJRmwL4lXPfnrHvC9OmTIngnUhqir/S/Qah56jPv"
    "PN2LrMAujoGNzxLkf7OQ/36sgz1ldJfE7e8NzZf/jLdjtzK8fnoRyffs4l3An9JEWO5+Le"
    "IOdjKf18Qie4o+HyNfAzT08gC68Usff4BKtEe0HejD+gJPUD9THttId98BdAx2TeDS1Zh7"
    "Rh56kz/MqvserQ7NroCx/NwJbNxwOt8X7Yfu630EKxZrIhLrSx9tDp0O/HSYt37jsHlu+X"
    "Gdm8oi40o9db4bW/tru99sceZYT4RlVV+JwVu7jTyWEYT2WOY+QT42S20IX8XU1Va8ljnG"
    "5VqP8PHupf9bfai/gBp3Lqyp9BoiqJIqLwp3OApe1zFaKrwK26XR2x25Wz0nPAtrMa6bRm"
    "b1Jog5tiAFqqyoyG3btRLWaPyAHe58Bg5UQ4tDnGgHwsI+UbVqlCp0WnYfhv1zcbKemDgs"
    "Se3H+RucpNdkg3GVWN5wJjcBq/T5CqfLFe+bt+qCKRGmU/TZHtLIUBmSqbJomwgmxoWuVR"
    "lBDg/QSHsmMgk7EjQFkZOypjxwmyuFIciyJ7J1EcjyR3Oz0komTuVXuJDfI2f+gQ9ZwNDH"
    "VbhVV+kC9TyCA6Nqwln1nAJ8Xi0Qx0m6vRkdJRywp8Hy/pnm0Eiyy0xNT8oUqXOKQuIdGp"
    "nEb4cp8vcEKzOSMGxILKUP1NxaaOia5iBJ/aQu2LZh19bNxmcQPuQcNQLDUV/B5BCUXfvS"
    "SIh3akLK7z0CBFRr/20L4bDYb/hNEkixjLsfbcHnZ+GXx56rQQPSnxjNgmHmuDh4fuHb1E"
    "plNFon/32v37FlJFrSDpmKxL/S5sCwxQaJYNO/0RRKNo1lh7akOsA+xcWdiQcxsYA78oab"
    "Vzl6LQiM+proXo0SBBqSCkq6JEhxR5ChNLMTCQRoy5qCp/YrM4BQodcS7xae08X2BrH/RL"
    "JuobliHiZ86r3xNtqrzYBr3GZxP9lGwxWPmf2H6ROCkX/DQF5kRhTIKu0pDc5rrIvuH8YN"
    "iKskwXXExRihiT0IqkfAjvxd4KFeosO0qxuqcHDj1UooH2k62bWjnduUN/eqhvymrq3HUf"
    "272zD/WbtbrZLvxXjRDCRHvJBLGfrsJ4I8bMHJMOXpdkZ2QPJQZObEWVKaYIvryO5mO70Z"
    "g0k4kaCeC+aNabyee0CJ0b0oMeoDuROV07KtJGZBrLRpCN6DSWwuK7tEWNJU87QPN/E40e"
    "erlBfpUCctBnBZ1KwWl37CDhqcJ/HNDZzmCbqSyMfpoCi3u1sX19ezGF/142xvbV9Jb++/"
    "a6+X5s3zSat2P7vdx8DzVLrmV8DW1hLuj2Dv8vX9JrDfF9HT020Pl5KF/yOGK5Z2GU6H/D"
    "7NrYsCVEm61zy8H4dtvEEv2vKE2AHyLl1c3tFeXK+4l0scrx2XnF5Nnbjn4C3YVMixhR1V"
    "83cidEW2Tu5CFq5oj7VCXESF2Ob0VVorD3PMrxMWAyoVlwMGuLmSLNEPtUqMpNplNekxua"
    "C83pCMpPfP0hV95PmgaYH/gSVlQI7J5h5WWWVvoME5+KIDTPTfK5SSH4sJkgqESMCBnYCH"
    "SQ8FRAtv4rbzEzFdiKgQUKQmSGx4Z45CBZsWXNG/k9lSw/3Fw2qeQyufpA/0sllxaTKC8+"
    "wH/fg0wj3U5Ayry9Zs/Rv7JKmPl7U3WywIbw+pbWuhCgO5EFkafFLJVhwcSLyC7ImyVEj6"
    "gSDZOLhli0bCOqLtOvT4N+zI7jo1mfyYpkof8giOLbl3Wy9reprUmAJpNC6L5nnsP7/l47"
    "PCMAowAjQuXO1yub14PhyTDAerlzXTRehakoUVHFiqyYNcLfY4TMCNICnwd5cGAvBefpqz"
    "VTJ1EWhHjsA0QV6ulR939mCtzXyCrk0yMPpQwNTVQFjVjpNpwwZYHxr2m8r9SMLDRkEaed"
    "cUIV9tA8AfuxSgxZYBdS6AMhwgJzJGOwQf4BYR5o+iyy0/eW9i5h8jKAfrQpz1AUZqI5yz"
    "Txg+R74sRBkxf2PPtPsMHOmyiJTiv6FAfA1/ZdGyKEOfVY+9rt8NJnkEvDyp71O58Go257"
    "xK5q+IVYCjOtjDU6YVlNPEklrCLe5/YX9rcu2vTvYhgnQklBWfgZGuSAbNWxJmfom/S507"
    "9nHHPox1r78+fhgNUrFHXdIE69wl87dyNer/DfWLIKxjXN6XmWPEI8QFaGE+cAMYVQ0DJS"
    "w4j13PgoCtuVqkbov+aQOykhlUivLQSi7hLxRYx4+jma2HM9RRB+3q3Mq1KBP2D2vFPfOg"
    "PXg5QV14vCdRcjH9udr19xfQY/YbJMVzMhSFRkPznLrmHWA7SYUXEQQYqc08vUmikmctLY"
    "0ZlPhIQS71x4fHecDZgsKHbpWOInKTBD0kaB5AYpl8Fw+rkeJqzg3VoixAdaGOo9lgkpGM"
    "pJq4SE51igUgj9DNT/0uvVwptEhe52dP1bYwJcncMtB2Tv2MFTGGAPdBgmZUtQiIhhTHxt"
    "HJ9nXHwjhhLpD/nokD78NsSQbBapHDrcenCGOUH5NA7ywLx+gb4eRlQ0bwqQnNJAj1hWxL"
    "ICxVVxfynRnfF6YkOuypiWETbHMrsjYF/5KGUC6QBVvPh6jC/l5a3XrfW8hLn3aKIeX86u"
    "gujGOT9HD4qK4Rh5w6t+uXQ4BMHI0DXXpqwx0Ldv/0d4xctv335m/7QN9ds3iGJezLDhnl"
    "AmmmJLmsEY8+gWXwd58xgasiB9RiyCZqKJRI2eh8qLotGD86zzj+4D+vT5CRkYmiPJ7+pI"
    "RAs8QabyJ6aPyvRPa2bPJ5qoqD/TP94UGfNxFHgN/WR4qg6vp++ZTuc6fkELXpSDfg99py"
    "W+0h9kwcCg+NOfMDUoh6FwR+BFgdd8HVIgtFf2IqKpS/pb3Y/mPzm+cZk7C/ihbBLboALO"
    "er+y9cfolylsTlSlzA5ayqz0PbA+/zIYDVp8+YEP8L4zaPFFBF69/mDYfmyDX0+ja3wu0i"
    "eGQq/b/40+YwiwAsba/XDQ7wgOpWyAu9mhf+gNBkPhc68NrZdYELyuilox/Ezeggoxd3Pq"
    "ip+uyJVMaxc/TaCDGS9D5G7Yzob+M8STT5oSpC1Omw24K0GDZLpNu78PXaayy+WRzaJQgZ"
    "Du8REK98ZQZz9ZtmDnTCzxrqTgCYWY1YiCXn+QyKuuqoAWJQZaEmOCDjcUhBJLFXB4gAKC"
    "9I2sTTrDKQ3Sa3QFhrvmtHt1paI6MjVlOnVLcoFwNlla2Vrn7SHohwp5gvc9CWWoIFGBTd"
    "brvDiOx2WhyFZEDNuGhlPO80VGVle+Uy0PrQGMlDkoRGfECKgUR3J1xWWHbvA9xmSEFgn6"
    "o7m5PD3vNSpvP37zXqcr8OZdpBglv1qdCW6HrtBaGGweYKuogysA/rCITfcO2ERYo3TH3J"
    "BJdWo0kxyX8Fi8CMNurm3neJJ2BfhIqsmfaPIDYinnvY+kwCB7qhAzIZ7DRzNDm/4d0XOf"
    "jv7r586nIk13Zv1LO+EDRAXmRpGmPMcs5aQPEBUY6LVpzz/bmfjFm/OObToFH1YURWYCd0"
    "UoFpLAzg/6aB3h85dztMBgBmv9jXFHUOS/Z7NVNhIZKxsbrJWhIgBVvHA8+qcZOZokXjjo"
    "A0qova05jgpsoz6aCmfrUI0nQ6RimLDSkLdGKvqs3DtGe/m6Zp3YDE4asRVcvNu7YPsmZA"
    "74lj5OMbx+UwfFHSDU5InKV/heVNiRFhdv4nuovino5FVXBHdWmUAjyB7R1vCTr4oJlnpr"
    "ZhD7ZYYYvcxMEczmCX4sN6CRaEhEE9tUNGyaSBaX6IyFiIC0OyUGgMNIvafhriyaswmht9"
    "6FA1AO/O7IWA06FNzzrcr1QI0qHOOQ4RgOP8LybzSszuObhN7TPUuiEAShdb2QQCVD7kWG"
    "ZPtRKnehR3A4PBsFBjMkMR73zPWHD284ddeijLcHe4ZDnffayrU6jw55HoHtaMcKE2tDFN"
    "luVvaKIRbZkZeBAQrtcCw7K/l2m8leGqCs7KWnZC9NWzWmKheTyjXnLo20VtMQXWU0jQi8"
    "ZZkxKYH101SghkGtlN/Kwl8wE3RaC7/kZbjvCG3BUuVzBzawGSYoQrA6lSrPSQJ018/wQj"
    "lO+lQ7mSqS6Pz6kPUmcL++yWyj+Z5MZq1hmbJzbJoQrWkR5pgQ+XT4mTkaFsR4xVDhQVTm"
    "Zh2ZWJNNllFqYstSWSd4hL/TV6hLSizh6Fzc3N+w3Zb0u6+cqUwfpSpRlX5akPTTaFxPIu"
    "V0SlSVLGxdkIFRzBspyMoLNq06gkQ+mGqUQuR1DOpIpfqqIJom3ZCh/1Zx+iuKy+huUPHd"
    "QnwkxWgWAq8tTbMQZ48K8WOzwWdFVUJjz4kYd1xMNlp3TrAyd24lnJ/cK6bvyoj9aY21h3"
    "a3BxbYKd1LwSJ71+7fdXrskgRgqGpR7LIylm0dp42jD1Llw799yA01kMz8EiTL8sZvlElO"
    "hLF79rUumi268WRiyj4ykkXLwnPdSt0X1U9XGrd2HsUMVNG0BGwYUc1RN7Vt8FNVZulkZm"
    "lQe2IU+Q259AGq8kGdf5K8ixhVO5WI7JwtbrV14hyErYLhXyZZS8PfLcHZ3DPI1BHkFb+L"
    "zG+QIzPw2UdW8bfI/OWZbcLcfImy023KJg7Sle+czN8uJGOokWgsNwYTxSk6IdICI85i19"
    "Co8/i5R+c4qKi/Dj4+dPvdp1+yKDZ7kFiqrMkfMAqoiqTYQySFZ7RPBesaVQVsVNcMSdHT"
    "T9h1sipMJUnLDAezMM57dPgXDeSkHv/1GbY9VMVd7TnA+8CG+qKf3v6QFN61rbEKBDpoIN"
    "BxwlSGeIoNQ1Q74BGoRcSpBB+obwpUMZxHBeZe2H9i0e81U6LTxYGVBRpUwSAFCQYpSS1y"
    "uun1W8iURG2sPQx6vcFzy3GYjbVep33fYqEgY+2+0+61WGedLGpmEu9ZvO8synNmKBPbaa"
    "Ab5M3GutVBwgNWrnbXRBpFHwZhPRSgPQMWDbrFGohvQfQfrxjrrKMCsk1eiLso5axndAOl"
    "EGYxAayRVjaAygZwYgJT7invPgEgIaZ+kkpFjaqKzQ3ssG+mQzZMWE3ZrRYANh1zUKFcOf"
    "3JHe/EZnFSVcq/fLdrqL4pmQPGz2y0L85gpzWNk+IbXsRJElcqQ0BZDAF8/9hgCPA2mASG"
    "ALZYqwoj5VL6Y06sDSV4XYICh8lOWfsXYs3Qfw8RP2Po57GMpbmiKT/pBnkxxDnyfsvxnf"
    "rlN76M2g8PLUR/wnQKNT2Go35nCEU9DIt+H8SUP35udz/1IaR8rov0oMnCmPwjytn/p1gf"
    "7vNFjqtwEUbuxx4/lOIPQ7AU6RVHyB3xWAeICgx4kaKZKWYpi9+vKCqIk0LsVnhPibOfrH"
    "xg7yWzxEMNf9cVA5sZLLExQ5xMxKlXdthpmAwxfia6hEK1JhIt9IzppLN2NpsXyUabKCiV"
    "8nWnSXGq0wHC4inixtITpZBE9TreSfrHmwYg8lP1VgAMBF2MahIYvylHEpdva95P4lQVHv"
    "sDusbIQkvra/CTVF6GrV4GBlcO9tnSFxXyz6vU9tkV3qsIqLXwC4fu4bchVr3aP5s9Ol7k"
    "1YltWHGQB5Y++Bl2xKmMXpm/9mvq/8OmUuo8NuJvdbu+2czvPZiwLtUzZRQSEfeCIA1j2f"
    "wZihFQuXNC9xUZKVTiZE+L6jn6bCgSFUHpFGGBPLpomFBSimjsLYjy0DLDlan29I7KC1Es"
    "LwTE2nF8IkXz7SbwwAAFFs9rQ1ZWxWBlVZ7avU4LmaKayQabc5yhbhAdG9ZyJzaEBikyKx"
    "7ad6PB8J8wmmQRYznWntvDzi+DL0+UK3RjxjNCd5KxNnh46N7RS2Q6pdvLWOu1+xAqKmoF"
    "qXlj4BfnSE2q1K4oCsyfjJps/q4JjlaEXBNfh81HslMdtgOtBH6g6qoo8YPTOW5FScK6Za"
    "KzsX190/hA/3v9/mps3zQvbsb2+0bjml7Bt5f0Cr6mVz40pjK9/v5KerezkWkv9dtM+jEq"
    "uIKpohRRy2VjNHWINltAdcGWzmGCpOlWKgpzJWKLuseSMhfVmAB2H9n6KuJ05w59YYCvzc"
    "d2ozFp7jz/7zt33cd27+yiWW+u4esuhKtQE18OmPg9E86crMI5Ac4SVlQosT3DysvMyjCz"
    "owc4GexzQ/0mBehTlRBDAD9XBsDDxKcCtvVfeU/1NKDrZIEN4fUty/Ydoj0VyF+/to+zr4"
    "BWmGH/9pOdCsZLW+TFK53Zzf9NNO5fywf6qxTQT2z5BVMU4QsysCCK/PRYAV9fRxaxkiY+"
    "5s0FMIUIOhjxMvAgTHx6HMhbqkkNPmN+VvADxKcE/nEAn2LRsiN7vMYbFvw0xajwDu8rTY"
    "V3aNgWwY8R/h5j4PcIymBI2xSE0PnHaDPaXgxCb9D/5D6+zoIg2rYuZ4wPCVJW8SFFiQ+J"
    "iMcKOYmPkzpdPn9aKEAkTarZ9my/gYZHhP4n71y/YjFi91Q/L1M1T5e+RV8W02pqdbO+yZ"
    "3/qiuCEXh0e5+pqVdiw0RTxTAtZGKsIXraf/smkRkxLEEWl9++1dGMLBD9fBZgihH8anRR"
    "R7csw+qywQOPVToHjIheU/t6S4RP//eaaRtTkc/b1di8sFDl7D9WyuGKJ4mTDlckRU5yy+"
    "iyzNmT75vokWJVzBEboNokUp0g3ptUNyoShfyEf0bMzvgaJM7jpelPklvxEfkiBYz84QrE"
    "EIi3aUC8rUCMBPGykQZF/nQF4856Rn5C8RMVDrBxLy5rEULx6uZWodhkj7rn3HapuI3eFF"
    "OxiIEWM2JixOhlpCraK5oYxH6ZUQGWzDG05qIyrAUBq3RwdDZVTJOOQX8IXrhjmMzMyz/h"
    "XVg23vO7IiVkBwiHqBKNjxsHm05mq4S11cRNoU34SEqoTTSTBEA24wMgm6EASGfLTFeYz0"
    "9T5Mp8NbBGON2ukUS3W4V+EVoo1ozZKdhcQYQbLfiP+hk16ItI4soxJTqDLXr9jnVqjzyF"
    "fbc3nsMmPCjwlu9VQalyHWHQs0dgDI7ekrcnEQRHKLBjDdBg6RwUW5bQ8bXbeWZddN8UvG"
    "BddPudT4NRtz1iVzX8QixFtNid50G/hRZEG2u9wRMdQyVmwhIN+84nsMhu/PPTF/l8LSn7"
    "+LaaKes+QFl5VYviVU2SdQ+BCGlkYPf5Am+vWeXfvZSycJbGZJnScb1OV5U3CBvnChIRUA"
    "JUNxSNOHxV36IBnKOvP3pryAHc0pfkCG2IhaqbPKKnweu9qKiRVmbf3fo2MzOos6+C7D28"
    "PfpCw2him4qGTZMZdckU/XKN2DgUeGbM9cwTrr0CIiEAUQ2rEZEWeYy4yWYcsPE4RJUBuT"
    "IgF2QvSurtL7V1k5kqJ0Reekv9cFbL9VMStocQxvEqio+kyGaEjGpK/oo/WC0igtdjJ7H3"
    "fOXnDnUigvWdBssVQWHB5G4vaKPGPMlIDLiXz6SZosrM8mUmLN+wF9AFE1u2nhp6H1lxGc"
    "C+FElUSjUR/V5k6+gM3Eq8Pi+9oaogxh4Jfhie/ow00PtJCgv70TYRsPBRIQH6TaYBdZ2s"
    "AjYUzLXAqirMoyoNKi/xQV0+qsJiyjZp+joElmpQ0kAOd93PbHN2/3BE98Tof2g2Ly9vm4"
    "3Lm/fXV7e31+8bHhvCtzbx42P3E7AkIJaEeaThheAGIqWY/OtkxWYUi7Ji2QtTYjCu8IQG"
    "1z1y+KXB8RN5lFtq3H10xQX+/PzcCY/jYPMIDZYiEinaHIcRMtbjKgk8zelBH79N+QkLy4"
    "W0e/9l8/bGgxT+2ITm02O714uD1LTnKeZ1gKawaNboB3r7Onyxt8v7pPLDzeOCRBsxc2ts"
    "K3vf3fomYyw3xB6siT2kw0NpJ24a8vd4po/+HjQche66jbwCN1IZUDcJQCWzoR5EoIm3tJ"
    "a+YRtEw/BQmLF21+ve/daCupDS61i7f+70ei3EBOqx9vRLewhlbGFmj7XPg6dRZyg83bX7"
    "LeRTZegYg/7Tl96ohRytMeF+ttZBKInRLL7v3kWo755FXnGq2qkewb6Yl0cDRG5pYJ/qni"
    "Q63WQZN3/mObOIb4n8tmixW2CbMJaIilMWIZn4k7tRUxdZeavUbFqn21OcSx7MctQ6TV22"
    "PDVvQwKINVNMLvQWg0PBEy+hXBYkKnBQDHsjJNuIvHUl3dMMa0pUhbAVdRzlopg5D3msBd"
    "3Etky05ZzYJlJkBLHAq+1LIuRVyVQsPf+kiHBr7YRTP0xY5On/qpEFnfxTODFMRYWy0IO2"
    "bc0QMaAvAz/KvZ4eR3IaHNx7e6jin5BzwnadOZ5PKAco6E7D3FCqSspDoXLvJmUCVCFZZQ"
    "JRAUl5w7Ij79YdEbcOMTNWHTnd4upIVgwsFeSAtkTjJV1f3RVFgcODa0wbMVtUVKLi60I0"
    "kQVqs4zOLEyH0sS3OuWZjAk6Pz9P6lPbc5fvN1G105hlveeLvEsxPbCFXM/FXFGpdIcpsu"
    "DmJPQdBlI0d4fCC7pWGJ+Os1H5TSshPmxOj1gjLWF+xInkQ7iYhBIiCmK4/GLS67FRpL67"
    "9W1RpDY8myaK9L79pY4e21/Qmcw0LMlC5A1z35RbMgtr3LPoVA94V2dVA3hBLgj/ZC5Hk0"
    "51eqCxEgK8+FI4wHTfL9tW0asq5XXscNOqlNd+S3lV4bypw3ll0U7jH+RPF9YzeLQYm3kq"
    "GOcVjNEw0sMuBYzO0xWM6zDC9pU64MtHVBpED+D0LIwQjakEYZjWV6oz1iLlaP8DCURpbA"
    "gsYkh4cwkStLjFYPnnRlAnTBcGckKPCNMH6QOOO4NbqaFd3uXlh7H94eJKHts3l+J7aI7X"
    "uHBccYrhNNiLqAB2iBfuUDHloEbvH1245pM1vZ3CT1cZKSojRfT+CrvmPcSaRe2tq5tb91"
    "XYTAXZe3brljqCKFliwA+ADYxRwj4l+mLd0NkF+n/uZsdcgCL3gTv+8MmSXvBFf5KoYor7"
    "fNEOW+ixA06Ou2XuxdWxqa+4My9TR+AeVmrc/ymVNQC3QLsV/5WRexXc2rhTORWdDh8Bal"
    "qiYaWP46wsk7taJl3cUwpPfrpKeCqc8OQ3CmAtixdvRVWxt9DspSvRsiNMPslCrFfUh/My"
    "QBP4V+xOucT+84+DwW+d+xbi1GPtngLaQjLR8Fi7a/fvOr0e3Jbgd6pqYsf5vssMGjhj87"
    "YgZQlXYYnLDB6nVFvBal3lbd0+VgR14dZNzrj+GCG6B4U3pA6GZnEY5tRF8HqrkU5sBv/l"
    "zqQtVfCCi3d7jUHfhMwB32c22hdnsNOaxEkRDi/hmEKD4dMtB4QT18g8UXTjS2TmXsFxxR"
    "1DjN5fPjqEbsfSIVa9hIRo9jgmo6GYcJs5ES79lc2o5sAQb1pb4bTVwCZwJiWzszET/cVP"
    "14gTgWWezSv0orxhk/7pDFpnFzSvvAPEF/5y7Rjq4XmenqJY0U6A3N+QxApo+FQcstD4Ll"
    "TZAA9qA6yUlT0I1d5kTo6pn6TAkNZMUcWmjg2TeFnTznaxgLAM/oFHAd2USFQ5n81+LI+o"
    "TMphHoVkJDKfR8p5G5LVViQFTonK6IfdS8cEI6N10KhsgydqG3RFwFRnQ5Aon53q5IWanZ"
    "zuIYaEueFqSgm1WZ+H/aRYkVSbDc7BaGtMfqEMz/TMxpElrZw79U161oI9k0K/gpOLd4f1"
    "avyzICgDT7FhYKOFVPwGCbMsG4sSGGQBtWGMJb0hv1CtZ07eMBx+SCXSqxmtY+X+lrE21r"
    "59cy+a374hNqrJiNdIzJ8RFqUZyyyD1riW+Ir5gxr+bo01zYbkef5uh5S+nqp/BkZ8prLU"
    "szPny+vewHU0saVXbL2rQyKrtSBjbWEoFuSusYQ2U1VYxrEuQtFH+DD67eCo04iFJsSacV"
    "ySao2VdnhI7ZBNyDQyoEdQYAmwhue65dQR4nGL7KtddcawVZy0kOCeU+G9xZtiagdoSpPT"
    "kZuWaOtyRqE7SFmJ3UURuyMCZZyvX3HdObXSid1BokrszlPsFlc9vHYSu5P3AisWK5KK3c"
    "E5uHexe+X0jBK9Ay7RDeL3yq2YUAZ/InMMQuliRqCouzSj8qK96sLBc7woNVFVsoAST/yk"
    "JtOpIimiuhKnDVZd6CfdIC+GOGdZYWFZfO9vq6TYYkmxkLsSBWy8GLuiyEWO3Qe6NXc+/u"
    "TNR++j00quN0kq/93EV/67CVX+c4p8CemhD1MWlgUZTcn5o01/JUkJs4+kwncbvqY9ge+a"
    "4Khq4oSoWNRi3EsBwjWgJ5RyX2qCd+WwAfQfB4NeQCX42F3Ln+9/efzYGZ5dMPTpQwoXZi"
    "LceR50WTJU1olzUNcK5p46Xe0s7BWxtZ24HUFe8bvI/BYt+lsndjY7TIi44nWRec3+P4Vg"
    "4j5fZAMyc5tAMyXRTXlHL+Ib5iEwkKLE4+h8vsXjyzA6RTOCER1NMpY6BTSaGx5V0dnBPj"
    "RPfmxag51/jALLz8X97LH9j3eBJdgb9D+5j/v4dNcbfIzijzATzYhc/A0tHAJUxW3gUBhR"
    "vkrJi4f+NO3/ScJuKq9P2biexOvDAytEVTAlypN0zp9I2gIH5h7NoepGr2SB9yQinnmIgP"
    "vBrJUEK9VOpQ1HE4GIHipYyGSRUNTLmQXH8m4exMwNTcAXvOJfXJsPKv5QKc9mUVOK6S8J"
    "eDh+bEj6dKdOmDmpc+aSuztPdnEk9Yyu7SAJMheDW3oO3Bg6Az654xWCJ7n7oCOPwtQJje"
    "spR1GFah3Ch9+2pyeWLXs0MFOn4huBGModMXpwhjlBqTQRTN7EXHWuzQ6Wu5i9drklnFf+"
    "Cm/ZkUoe6n4qGBUrUqksYlUOMU4xB8tuQU5URpHpB4hqLSrIaXW3vjHIyXsuYYxTm0pJlJ"
    "/mWtA/sgiaQOtGRf4ZmTPWSJBi/TdF/ns4cinjGElysYNMcF6DKdSa05TbqxVGf6dm0hcL"
    "PoNYlbR90IAmcc54NY0qkrup2n+QrsgprzXIT9FWrU0nogrb689On1O+QRlYwrxGAftd6C"
    "c0xem6zR6kP7pPrsM4PdN8RKUJ5z8w7nO675HMnehX1Acsk8iDaGspV81z5+6X9qiFOPVY"
    "e2z3v7R7LUQPQ5ufaEdu1nSCBSsN7PcbpmDGsPO123nu9j+1kDfGWPvc/ie7pItL9vfdoP"
    "/QHT6ya5QTU8WYO89171vsTB9rw86vnbsRFLg08L+xZEEFzId2l5W8nIpKYepdBsSGEI/j"
    "e3Kt051Gc67axDYVDZsmNO2rQx19djqxToRIVeZJ+wxv4EJE766jBzPvCcxAKD3/ZAanK2"
    "6iFwIJqyTLTM/fjUxFX1WIDm3ZElERoCwyQ2BRKk6DB0f3+ywuuUjWrDcaDbS0xYQdzQ8d"
    "TEFBNqO2oPhFsqIoMk8Ws6V3BICqnn3z30s9E2JbwkRR6fwmqTaoIFnZ4tHzzwv2VPAMYE"
    "fRFnjKFyZwyMMNhNBUEY1hyvLh3UyCdzMe72Y4XlGUXqGxs6JNI+b3CH+PUZfX6cqA9aGP"
    "T64uCsy+iLV0vYujaMvAgzXdqZlEMaZPxWtPzZByXMUmxqN/mlFqSWITo+zpKdkfM0SVGF"
    "Gc4MQw36dU4TVnmfi9Rlrxuch8rmKPy7arJ4k9LkzFmWOzOOdYV6dxr64b5C1t0HEkbYFD"
    "j48Y081NTMJkmTase52wgjcitR3TF8gZJ3E0cQXz1jDs2ECuPUZhF203zrPsVPyufFCICz"
    "aJkyIceRYlCGJfW/4V1Nuhjt4xEyUMeKdZhXOSPIH1w3+HJAGs0Y/aNQC+xwoZd+hQy/LA"
    "HhGtnF9wbBsbijSrRQTGOnfqm4JixdUz++wfXgWbHjLYlG6ZppLOme4jOVyg1uF8Xftwnc"
    "OiSoGw83gJ0b1oNJJ4VhqNeM8K3FvvZqNZkd1sfn0a9GNcKiuSdcubIlnoPwj6U54g2hvA"
    "BTA2+xLX3Yb1oN0MBvi4a5HgXQ+zv/4/2bzFiw=="
)
