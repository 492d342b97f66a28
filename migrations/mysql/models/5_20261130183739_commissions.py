from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS `commission_rules` (
    `id` INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
    `version` INT NOT NULL UNIQUE,
    `effective_from` DATETIME(6) NOT NULL,
    `spec` JSON NOT NULL COMMENT 'levels, rates by deal type, size and level, fixed rewards; see services.commissions',
    `note` VARCHAR(255),
    `created_at` DATETIME(6) NOT NULL,
    `created_by_id` INT,
    CONSTRAINT `fk_commissi_accounts_66512687` FOREIGN KEY (`created_by_id`) REFERENCES `accounts` (`id`) ON DELETE SET NULL,
    KEY `idx_commission__effecti_bd896e` (`effective_from`)
) CHARACTER SET utf8mb4 COMMENT='One version of the commission rules; a deal uses the version in force when it was signed.';
        CREATE TABLE IF NOT EXISTS `deals` (
    `id` INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
    `deal_type` VARCHAR(8) NOT NULL COMMENT 'RENT: rent\nSALE: sale',
    `signed_at` DATETIME(6) NOT NULL,
    `lease_start` DATE,
    `rent_free_months` SMALLINT NOT NULL,
    `lease_years` DECIMAL(5,2),
    `monthly_rent_fen` BIGINT,
    `sale_total_fen` BIGINT,
    `size_fen` BIGINT NOT NULL COMMENT 'what tiers go by: the first-year rent, or the sale price',
    `status` VARCHAR(16) NOT NULL COMMENT 'ACTIVE: active\nCANCELLED: cancelled\nTERMINATED: terminated',
    `release_at` DATETIME(6) NOT NULL COMMENT 'when its commissions stop being frozen',
    `rule_snapshot` JSON NOT NULL,
    `source_key` VARCHAR(64) UNIQUE COMMENT 'chat MsgId or a key from the caller',
    `ended_at` DATETIME(6),
    `end_reason` VARCHAR(255),
    `created_at` DATETIME(6) NOT NULL,
    `client_id` INT NOT NULL,
    `recorded_by_id` INT,
    `rule_id` INT NOT NULL,
    CONSTRAINT `fk_deals_clients_2e4e5295` FOREIGN KEY (`client_id`) REFERENCES `clients` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_deals_accounts_da498941` FOREIGN KEY (`recorded_by_id`) REFERENCES `accounts` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_deals_commissi_8daed69e` FOREIGN KEY (`rule_id`) REFERENCES `commission_rules` (`id`) ON DELETE RESTRICT
) CHARACTER SET utf8mb4 COMMENT='A signed lease or sale with its amounts, and a copy of the commission rule it used.';
        CREATE TABLE IF NOT EXISTS `earnings` (
    `id` INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
    `key` VARCHAR(64) NOT NULL UNIQUE COMMENT 'deal:<id>:<tier>, lead:<client>:<tier>, ...',
    `kind` VARCHAR(16) NOT NULL COMMENT 'DEAL: deal\nQUALIFIED_LEAD: qualified_lead\nVIEWING: viewing',
    `tier` VARCHAR(8) NOT NULL COMMENT 'DIRECT: direct\nSECOND: second',
    `level` VARCHAR(32) NOT NULL,
    `basis` VARCHAR(64) NOT NULL COMMENT 'how the amount was reached, e.g. 0.5个月租金',
    `amount_fen` BIGINT NOT NULL,
    `status` VARCHAR(16) NOT NULL COMMENT 'FROZEN: frozen\nRELEASED: released\nREVERSED: reversed\nCLAWED_BACK: clawed_back',
    `release_at` DATETIME(6) NOT NULL,
    `released_at` DATETIME(6),
    `clawback_until` DATETIME(6),
    `created_at` DATETIME(6) NOT NULL,
    `account_id` INT NOT NULL,
    `client_id` INT,
    `deal_id` INT,
    CONSTRAINT `fk_earnings_accounts_c9c5dc41` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_earnings_clients_054ac664` FOREIGN KEY (`client_id`) REFERENCES `clients` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_earnings_deals_9dd4a384` FOREIGN KEY (`deal_id`) REFERENCES `deals` (`id`) ON DELETE CASCADE,
    KEY `idx_earnings_release_b0ba19` (`release_at`),
    KEY `idx_earnings_status_8a4fa6` (`status`, `release_at`)
) CHARACTER SET utf8mb4 COMMENT='What one referrer earns from one event: a deal (direct or second level), a qualified lead, a viewing.';
        CREATE TABLE IF NOT EXISTS `level_changes` (
    `id` INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
    `from_level` VARCHAR(32),
    `to_level` VARCHAR(32) NOT NULL,
    `reason` VARCHAR(255) NOT NULL,
    `changed_at` DATETIME(6) NOT NULL,
    `account_id` INT NOT NULL,
    CONSTRAINT `fk_level_ch_accounts_e4ca19d2` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE CASCADE
) CHARACTER SET utf8mb4;
        CREATE TABLE IF NOT EXISTS `wallets` (
    `id` INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
    `level` VARCHAR(32) COMMENT 'empty: the first level of the rules',
    `movements` INT NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `account_id` INT NOT NULL UNIQUE,
    CONSTRAINT `fk_wallets_accounts_7bdeafc5` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE CASCADE
) CHARACTER SET utf8mb4 COMMENT='The commission account of a referrer: level, and the row every ledger movement locks.';
        CREATE TABLE IF NOT EXISTS `withdrawals` (
    `id` INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
    `amount_fen` BIGINT NOT NULL COMMENT 'taken from the balance; the partner receives amount - fee',
    `fee_fen` BIGINT NOT NULL,
    `method` VARCHAR(8) NOT NULL COMMENT 'WECHAT: wechat\nMANUAL: manual',
    `status` VARCHAR(16) NOT NULL COMMENT 'REVIEWING: reviewing\nPAYING: paying\nCONFIRMING: confirming\nPAID: paid\nREJECTED: rejected\nFAILED: failed',
    `requested_on` DATE NOT NULL COMMENT 'business day, for the daily limit',
    `openid` VARCHAR(64) COMMENT 'mini-program openid the transfer goes to',
    `real_name` LONGTEXT COMMENT 'required by WeChat Pay from 2,000 yuan',
    `reason` VARCHAR(255) COMMENT 'why rejected or failed',
    `out_bill_no` VARCHAR(32) UNIQUE,
    `transfer_bill_no` VARCHAR(64),
    `transfer_state` VARCHAR(24),
    `package_info` LONGTEXT,
    `manual_reference` VARCHAR(128),
    `created_at` DATETIME(6) NOT NULL,
    `transfer_created_at` DATETIME(6),
    `finished_at` DATETIME(6),
    `updated_at` DATETIME(6) NOT NULL,
    `account_id` INT NOT NULL,
    `first_approver_id` INT,
    `rejected_by_id` INT,
    `second_approver_id` INT,
    CONSTRAINT `fk_withdraw_accounts_ce137a1e` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_withdraw_accounts_9c603479` FOREIGN KEY (`first_approver_id`) REFERENCES `accounts` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_withdraw_accounts_355aa550` FOREIGN KEY (`rejected_by_id`) REFERENCES `accounts` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_withdraw_accounts_904de47e` FOREIGN KEY (`second_approver_id`) REFERENCES `accounts` (`id`) ON DELETE SET NULL,
    KEY `idx_withdrawals_account_5a2bc8` (`account_id`, `requested_on`),
    KEY `idx_withdrawals_status_128400` (`status`, `transfer_created_at`)
) CHARACTER SET utf8mb4 COMMENT='A request of a referrer to be paid; shown as W<id>.';
        CREATE TABLE IF NOT EXISTS `ledger_entries` (
    `id` BIGINT NOT NULL PRIMARY KEY AUTO_INCREMENT,
    `movement` INT NOT NULL COMMENT 'the movement number in the wallet; the rows of one movement belong together',
    `kind` VARCHAR(16) NOT NULL COMMENT 'EARNED: earned\nRELEASED: released\nREVERSED: reversed\nRESERVED: reserved\nRETURNED: returned\nWITHDRAWN: withdrawn\nFEE: fee',
    `bucket` VARCHAR(16) NOT NULL COMMENT 'FROZEN: frozen\nAVAILABLE: available\nWITHDRAWING: withdrawing\nWITHDRAWN: withdrawn\nFEES: fees',
    `amount_fen` BIGINT NOT NULL,
    `created_at` DATETIME(6) NOT NULL,
    `account_id` INT NOT NULL,
    `earning_id` INT,
    `withdrawal_id` INT,
    UNIQUE KEY `uid_ledger_entr_account_3fb49b` (`account_id`, `movement`, `bucket`),
    CONSTRAINT `fk_ledger_e_accounts_62b39466` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_ledger_e_earnings_c44aa4d7` FOREIGN KEY (`earning_id`) REFERENCES `earnings` (`id`) ON DELETE RESTRICT,
    CONSTRAINT `fk_ledger_e_withdraw_b917f20e` FOREIGN KEY (`withdrawal_id`) REFERENCES `withdrawals` (`id`) ON DELETE RESTRICT
) CHARACTER SET utf8mb4 COMMENT='One signed amount into (+) or out of (-) one bucket of the wallet of a referrer. Never updated or deleted.';
        DROP TABLE IF EXISTS `commissions`;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS `commission_rules`;
        DROP TABLE IF EXISTS `deals`;
        DROP TABLE IF EXISTS `withdrawals`;
        DROP TABLE IF EXISTS `wallets`;
        DROP TABLE IF EXISTS `level_changes`;
        DROP TABLE IF EXISTS `earnings`;
        DROP TABLE IF EXISTS `ledger_entries`;"""


MODELS_STATE = (
    "eJztfWt32ki29l+pxafkfWkfm1ycJr16LWLjhG4MOZjEPdOcRQqpAI2FSq2LCX1m/vvZVb"
    "ogIQkkIaBQ9KHTRmiXxLPrsu/7f2sLKhPVvGhJErU1q9ZE/1vT8ILAH5tf1VEN6/r6C3bB"
    "whOV34udm/hFPDEtA0tssClWTQKXZGJKhqJbCtXY3S1kWng6RQuymBADvcDyQtHqaIE1PC"
    "NGHZlYJeZLRA2ENUS+W8TQsIoMMiWGAX/o2LA0Ylywh8lUgqcp2qzgcW1N+csmY4vOiDUn"
    "Boz+5//AZUWTyXdieh/1p/FUIaocwk2R2QD8+tha6fxaR7Pu+I3slSdjiar2QlvfrK+sOd"
    "X8uxUH7hmBt8EWYcNbhs2A1GxVdTH3sHXedH2L84oBGplMsa0ydjBq5wXW12rjca8/HD+0"
    "h+NxLcIqjyKAsntJohpjs8KYzn79jL3CT42r19ev3716+/od3MJf079y/R/n0WtgHEIOT2"
    "9Y+w//HlvYuYNjvAaV/z8C680cG/G4evdvIAuvvImsh+M2aL0La2zXM/sY4C7w97FKtJk1"
    "h49vX29B8mtrcPOpNXjx9vVL9kAKC9FZoT33mwb/ioG9BtegagK4bc1ecIA78EJYk0gEaI"
    "9WZKBrrdv7Tq+J+H4w0u5bvdbH9qDpbQwj7aHVbT80nf1hpH1uDYY99r27IWzuM2mYdPU2"
    "BZOu3iYyiX0VZpIO8MZwqa1JxkoHhOPXgU+Viz/uDiLKOtgC6bD9x5CNvDDNv9QglC/uW3"
    "9wlBcr95tuv/fRuz0A/U23/yEO8vEcm/MsW0+Y6kC4H3VvP/D2A7KC8hwztT9Q2FuwFo/y"
    "mmgD4QlQHWrr8VA/7tz+0O93Q3P7Q2dz8n65/9CG/YSDDjcpFgkeq2uoJ/DrAEQ5+6yOUh"
    "Yys08rtBx4Yq8xI991xSDmGFtRzG8BLUtZkF24h8fYQF92B7nw/ijX7t65bz8MW/efQ8vg"
    "tjVss28aoe3du/pi83D1B0GPneEnxD6if/Z7bY4mNa2ZwZ+4vm/4zxp7J2xbdKzR5RjLQU"
    "y8y96lEOclgzDcc/A7TFkAl4UTZuEHyn1NXbkz8EzY7i6WrVx35clxJg0wTLRbEzzZQq6B"
    "IuyJzGg5pyZBFsELZM0VE7kGADQhKtVmJrJoSqm5AL2RaeLTp1i10X3dKDvuqEGUmfY7WU"
    "XUmw0WRM0g5eXGf7zJ6V1d/xwDL31bx8acBbAAIuLIHPC6qPel261xtkyw9LTEhjxO4A97"
    "5RjBz6W6+31AVMx/cMWXOL6ExWhbVqwx0WAoYu4JKhuqS2fCoJpViNiOlKQqxDVW5sfohg"
    "9SUoQcmyiIIRVUOycTXSwU04Shx4at7rvybvzRBrZ6vkL8rtklUUOG2SUTrO4J2C0MUVKY"
    "CDY0GGRPgNrOKGeoKaQCaUpVlS5tfU+U7vgwX/SSTiWVyLFicBaIunyMNsgXq7JOJpU8E3"
    "UszbE223cj77KhbvhIpUVLMa3996euM0pJF55BnhWyhKOuAms3WLauUszkggWRFVwIUvfe"
    "SCWEy51SBe1XzmAPFrZsM/W+dY6wadRSporE8dgTtF5gqLLu8l54zNiU4NftCdjAHeyBjV"
    "XS+WVaeEaKWZQPbKhSL0bf0GCbxNgTrUcCoFtfTCJOaAP8GsO03BAzZhBUrLmiIWYjxBbA"
    "N7HZjXBZk+myQFsge45s4OXe6vWjP1BZ9zfOoTHWdYM+Hxeu81yv/yIS80+eZoadI2Qmge"
    "/laoZtgYu5imiDBlxEIedR+KvALodVlcR42D08+xoZUvgnBar+SCVBNHQY8HORn7CFYCXg"
    "MWsSCy3nREM4HAJODS+IE82xiSbU1mTHFffI5CoLeaDsOXkXjcXG5HVcgLI7HCPe9K3Fxd"
    "oH/G5bgu25o091b9sVbZ88l3bHuP9ZI5qlWNze5/zFXL7/U4W+HzP0nUU6OusxbazemkLo"
    "qGzHt3jhRDzVkWvOuDC5CaKOPMu+f8PFRSTlI01c3+t3KeL6Xr9LjOtjX4Xj+taLIi1H1h"
    "QicyRn4OSrRgqAXzUSAWZfxQGcLY4qRCNwGNWR95VANCqZUiMmzPq3h34vIfbUp9iMQ1Qk"
    "C/2br9jzw3ULaAwKNnJyFsFmwkA9HETIBtjMIsBTK07wSobdJ6hQ3wP1zJG3VcTt+UXcgq"
    "RDM8bbBkmqY2JnBC2HKwrv2cfP7q1i1zdiYoPzKnNEbCYDSEaF042+i1E313F5ycpmIADw"
    "wKomXWp+SDH3oVSK5nEVTYkudKxl0msCJGVIMN3I4W2k0RzhruQs3kZEd3QRgxPNiIl834"
    "m0TyduXqn3qoj9ZO7xojZzgc2Yp0s3yFT5Dso+mWEVmfYUPiGsycjUsUS41m8g2dZV5lUn"
    "SJoT6cnMo/UfiHmaBRvgOGs1gk268q2V4pMnq3z3Kt+9nGnBrj8mTobZMbtDlNUMzz7DfQ"
    "Azz/IoZTXTd850ssCKmnmW+1TVDM8+wzl4mWd3mKqa2TtnNvwq23QzIdKCHKQpw9Q+eFkq"
    "rjJkQXhNITC+Nd0LekS6CkpPHWGTRwTq2DCJgZiGh1Xlb2Iixcqj+hTPCZPahpS7RNia+n"
    "jOzxrldqaMnLntf/kHKxQmU3vFKoUN2nftwaDVbfpFAkfa185DZ9hEz4qpWCOtf3fXuem0"
    "uuPWzU3/Sw++oKDSSgpWx26y90gDVHu9dvehiVhQsEZUc6Td9+/bveHDuHXbRAu6YCa2MZ"
    "bheqfXaX3+DBcVTcG6Dk8YfmK1yNa/J+NsaKSZDY3k2dBImA2AqhV7uicvzwihwKtUJJuR"
    "Yw3Nu/o84iMuPsDGNSxnWX2d3rDNVpBDzVZa+7HT+8jWGlkCC0Zar/2xP+y0hvyqRmbUUr"
    "DFv3nsw7JdUliz3f4DjKFSM9feWXzdPpbjPNYNOsETRY0NG3mA7V5NtF7H0efyW+Vi5dVl"
    "1sONwBLXrDpiIXlTgy740eZPwtRW7leN67e+gZt92GbbfrhvdbvRiAdloVMDVkVciOi22n"
    "IhuiOWl/OvnG19OY1acTkvQ/I9YXb7BGU4Co6t62kA69gLk8tRayyO/ih15Y6pCZ5JtIMH"
    "0tZwh2dimLEqUeLpEaA44qFxKFGr4Ii4qkpfMtTljRmydTkn18OUFddF4XrM3hlJgvF9ym"
    "M6zRYwFkMpcNxYjbc2cELpkRO8w33wjhjOPPLcX1f3EmAUmSXJuC77JsIIxGKZe+GxUw8d"
    "BHqTasiicJM2VZzog+Pv1cHooJSMC5IIzLGTHX9eVnI2VDeoKmCjwAYS7rJhGyWs4N0Zoc"
    "qXeRTkKkK1vhGhGtwPEyJU47aHCtrd0G5siinQ3ZqUmxlgAXNyC8c4ujmmgDkovBWAs2CV"
    "TEUR9tKyMEaU3qN4NGgIpgJwj/1hy1WnVnTuRtwcxynlKprSnAqeY9dyPZM9PlyJ5+ilXM"
    "9yKs0ZMOUsJ8mL53s7Ha+dz7YVNKew9ztlO9zfjV4EvL9811PhbvllgRtaVV3xzKorniNa"
    "fnFF8rx/mX2vuGL7WSQppljATlZc8SyPCjdwZk+gvjqjlGhG5aw3ZpC/bMUgCxIbUZK5kN"
    "YgPFyJsM2SnRxueBGXpRxpibElWzmmGcfuftTALeQ6yhGdcvVqPRDiA70HHYrLIrZJnGhd"
    "j0DRmIolEaf+mAKCCzaRqcw0Ikc7VB/0SVXParHyqQWI1igBvgEdejolvOvrmMUVZnXeR6"
    "mP48CvYp3yxTqZOpGiPE6umuTdv1fRpCNJeU6jEbOO2KuYaLJydnz2znXY0f8mPCWe31RH"
    "UwUejAzChAs4HUxC4D/jWZGIebE+PFImyR+7DBOL74xyMTlFwLu/DOGgG3kYb96kScR48y"
    "Y5E4N9V0WwlTuWKU0Em8e7ScYSiRG6KrpgZ3TBGrPKD77bwReZYXu49yqP0n52i4yKOMcq"
    "Rv32MExWun1G7da0W66+ylyTJmGGe+aYdLyaimUivGDrAwQjJv9g0I31VYKezPRf0JBjdO"
    "wDPaPSrsXSrnleHMcnVrzcnRgZGkDkssy1AU+LNHhS5EOr227yGZ1O4A8LoWmSU5NTU6OJ"
    "qXyh5ZA+Q4QlFD7PRNhMpYjzbXQMi8hIYHM8izfItjH5bOWhOP4ynkUCrTVrPDUIGS+oZs"
    "1jhJrtKcBx9MfL5sqYAZz1gCgi0deZayuC41qI3RJJAXi3zVKfcnOWOqQX7hDlmqftmw6g"
    "+eJNvbGR1uv3RLjc3O/59FNXY2dCkhjT9gdlljiN46hLpIH+3Gi8enXduHz19t2b19fXb9"
    "5d+tM6+tW2Sf6h85FN8dCGH53zTAQAadQCISYzJ6K0FR9y80H5m+TgQIDqeFt5DtlzySJL"
    "LYUYJppRNFk1uaLEm+b9xLZNLpbWmZblRKWC1qQbipSt2MOxWcbDsPLqDWvqI1ZUwdx1Vc"
    "vIvNbNsPMV1AWHeqTdtHo37W63fdtEEvttqkrkkTZsD+47PRBb4LJFjIWi8bfPoV4UXz3F"
    "IM4JnV3FCFOej45Rc737ZsAaYSLTojqaEBbtODXo387G8WPpIcwiMzY1rJtzGjMbkj2DEc"
    "JzcBEWIeIdxKPnFvF6IplqH4apCvHuHcK6VWMpRujenHV4LgVG8MLrKkYS6xKZqwjbAUqr"
    "ws/OY3kJ0h2l1osoi+Hs9jvgFKhK2MxWAjNMVbnRKzd65UZPcqPzRJOMLvQgjciK28mi9A"
    "wiUUPOEZ0QJSyRUaI4eJkwmw3XNUU1YVMEfPhJwMfKFRcN4NTBHsG9MBTocdN6uGndtmuR"
    "mVsErJF0gJLCG1i3IXAHcO4NOjfDzWod/u5ZAMilD1SKHjZ7RCpVyd3HD1fy0IqJWAoAmR"
    "y0FOTZ7rilR2YWoBpBXqEXxOhNxzTArvP8zaaXuvNCVmCCWTz2CCaaF8v9sg43/GVjVYEf"
    "yeOTZHbFzdKLRjId7alp2jOuzd4By2rVofGoMU8ZjW77WNuOAiyPwWr+osi/Nn9hPqZf63"
    "x6Nn9xRIv11YuLyOo4jdntCX5/XseRRyt0rNltm7W7YHwZaf/9pdXt3HXat+NumzWq8DeR"
    "MeNStEC/GC4jNmXyssijFZtFnUH7ZghM4tv9SHto3/R7wB5n08/DhILDAvmxk2Wj8glExj"
    "2nwfJVIwW4rxqJ6LKvwvBOsKkkeK/j4fUJRIa3NqdL7mVx4rN5crNBsDQnIK6Qi9kFurx4"
    "M7JfkwYe2W+vL9+N7Ouf5enI/vlKvhLjcHDePHswSJiuTEaaKrBjBwtqAW9+hrVyN+j/s9"
    "1rurEArFEVnNAPLIDDFc5ldu1re+BeY4nl7NpNt/UIx/mH1s3vTSSpeMk0YNDHxDi5zyvY"
    "o0rszhnH4c7Q/Gyu/NfnwGe2vbC9ZQxnW1yfuB2O1Qh1xW2huV250H9AF7rb4zKbQzJMVC"
    "Zxt7jORCcJTRBseywaVJ7wma31y5qiAnSn5xyvnYZHcz+KthGk9T+G98DdzvPjRyUINnf3"
    "D0pIaBDgljfYE9aUlSbOFNTAPhg/VVN5yTV4mb0LKRN5Row2DLUqD9wHdZTf4WdqOJmdEU"
    "+5/119m6t86t6VzleejEaMl/nPzT4obtVtx7Fc1dY4kZ+5UuaSoS+vMudVvM+0pMJElTIn"
    "YDu4MuK7RQ05YWct0ZBOK9/taK0Vq5Go694he0KcvgvJueIb3iSzitAHlQ69Zjlx0mGgkc"
    "4W6TDYtadY6TASgxhS7ubwTsStIlXFIR5XPqSaFWuOGJLvSdbJNYnIUSiF+G7afwxDIl8k"
    "7doX+7r93kfv9s1c7A2L8BxrWlJU1e7YhgD5EYMb2KlSy8aAGgA1bCJGOdI+fwJJt+m0uW"
    "Phhg+dIQs2NBUrGnw40h7bDq1zmo20/vBTe9BElG8n6dbNgQMcJqtxkiHvA6UqwVpCAFeQ"
    "boN/EyA8FAP9K1nKV1BDdvpWeI28DGoR9MJpR/iyjjRqsYaEFp5OkVfue6/19qHf74bW24"
    "fO5oL6cv+hDbzaKHQVG0A0y11Q0icWOOvaeUnEfq/MGorwpmrOEf6TrYuxSoIHe4QV280P"
    "G6QltD+cib0hVcyABtJCDiYHyI4SE1IFeuVjrwyndsaDziMR/IwzbZ0HVMIeOlmxRrvwTs"
    "Z6G/XKSfMeveuDW5RDziALJWf1mA3SswnJcopqMZ7INkun47/C4L2R3d0EpEaQVai9P6fO"
    "bp26tZkWZrzpd2dRpzWhuHWd3BbZTmUni/3peiqQkpLjh04eqHwuydCX1+cCX85pRrdAiK"
    "aKSxIlek64VVPVSTkswAeqk+Is7wKALX0Rj9BGuEf9jqpn+SkDlIIhXTFeqI2Ir2RHlMpv"
    "HAfCzNJ1/nW7Bblpp/CjKXrx/1+yKhqgDTBV7sVPL3m1jYktPRHLU+6WrBgo/4T9+hwXqM"
    "dS7ZCty1y2hDGcOZnQCvh4j46NvQoE7C7os9+I2nnYfiFY29JdS+ZlO0qOa7IvLsi5lLJO"
    "kERkUafGJrv3skC/mMAEV7TAGnjP/zbo0mSrga0U//YJUak2Q/6MP4kkWvpyIe3WoMdSjF"
    "lhIifpOF0i8qD90B58da6xbrbOteEXZzSDWLYzHlPAbgetx16TN3CT4fzXRtpduw3vT3K1"
    "wDqAV8/ZL3OyeU0tNKM3M85bX1udbusDa0aGn7HCX2fNLu6Y9RjmOGeTGPnAOZmyffGhWV"
    "lVcDhxBYfKCpbMkBJbwao00oOIH26Rw2y4hokq+2JMQLd7gGVNJ43QVeBWSaUnTCol60Kp"
    "e2Jbutq1m9CGN8UU9ZjXa70AeB9Dg5UT4cjmmADyaeLku6xCISh0Gt/tYoyU66/r242UcO"
    "NY4ncePmK+ioo/ZlQ8K8s8zlz7MkwlcOhoepwPXP8SFInMKAdpRLazCANy9s5Te3adEhvg"
    "w7Sd4sdALmNHiLIydlTGjjNkcaU4iiJ7p1EcTyR3u7nBcTL3Om14i7zt3HSM5FSDsEy08b"
    "qKcKCesEF1YlgrZ2YxPimWE80A21wNRspGLSvs/SQr/wgWXWqpqZ2bKl3iuBm2ckIeWlJ6"
    "rZw/9ewo0NbMOTUsxF6Ut4k3dUJ1lSD2qk3UumrU0YfL6zxuwANoGIoV16tsi3rhEZRQ9L"
    "1qpGkPAXcl+1kbkRYRkR0pj+s8MojI6NfuWjfD/uAfbDTJosZqpD22Bu1P/S8P7SaCk5LM"
    "qW2Skda/u+vcwCU6nSoSfO62WHMPFedr7VG8j5wXg9uHbaEBhGbZoN0bsmgUjXVZabFYB7"
    "Zz5WFDwR1WDDJTsmrns/jAVbEQX4CuheBokFgULdJVLMGQ2Mkn17FhEgNp1FhgVfmbmOLk"
    "7rjiXOrT2r1fYGsfTBiTqs9EdrrN8Xx+qk2VmW3ANWc2wavki8Eq/sQOisRpuRCkEZgTwp"
    "gEPaUhvc11WdIm9MVji2UZFlymrk4BkvIhfBB7K0vesOw4xeoWDhw4VOKBDpJtmloduguX"
    "/vxQ3wLybfumc9/qvvi5/nYjpdyD//VlBGGqzXJBHKSrMN6KMTfHZIPXI9kb2WOJgRNbUW"
    "XAFLE3r6PFyL68nDTSiRop4L5q1Bvp5zRoXuMcoIfozmRO106KtBGbxrIVZCM+jUVYfFc2"
    "1pAOWowLtPM31eDQKwzy1xkgZ/rsWAcpOOuOHSY8V/hPAzrfGWwzk4UxSCOwuFcb2W+ur6"
    "bs31eXI/v19Br+vn7TeDey3142rkf2O7nxronge5nwbp5XsL2z/8uv4NolfldH95d52z0X"
    "L5b7FkYJ/o2ya2stowhtvqJGR+PbdYNI8C+WJowf+Jp1WX0NXHk3ka7WOT57r5giq/XBK8"
    "AuZFrUiGuMvpU7EVqRuVOEqFkg7lOVUiNGV32AvV5NdP2tqUoU9v6qcf3W9/2xD9vcfg9w"
    "UnQT4MyFpuBg1pZzRZoj/qpIYSm6U2Kwds6s7tYCRlB+ctYf8uT9tGmAxYEvEUVlgd1zos"
    "zmWaXPKPG5CEKLwiSftxkEHz4TxirFMSEDW4EOE54LyNZ/FS1mZgJbMcgYQIjN8NgSjxwm"
    "E1vWfCu/A8ny57evGiC5TF7/DP+C5NLkEuXVz+zfd0ymka4nTMq8fsPvg095Jczivak6XR"
    "Jj/PSc1boQojuTBVGkxSyTYcEky9i6ztslRJ+oEg3Ti4YEW7YR1+Xtt4d+L2HHCdBszmRF"
    "stC/EYviO5R1svbL1NYkhiaXQmDfMy/Y836tHZ8RDKMQIyKdAzabBNTD4clsgM3OATo2ns"
    "ZTLIGoYsX230tu2hBDKvB5UAQHDtK7AR6tmTqNsyAkYx8iqlDPjnrwNTPgvkFWIZ8deXgu"
    "MTSsjll7h0wbTpRSYPxrGq+4Zs7pUkMWdSt9p1Rhj80TZj9WqSGP+YUM+kCEUGCO5Aw2KD"
    "4gzAeNt66Jwt3WJGOlA1o7MPfJywD6yaY8R3E8x+Y818QPkx+IE0dNXjjw7F+njuQJDw6k"
    "rRyvU9UzlrCWuVfV19ZNi0UIO9RxPal67Y/9Yac15Fc1MqOWwk0rIw0mLK+JJ6mUV8T73P"
    "rCP+vYhs9iGCciSUF5+BkZ5Ihs1Ykmu4asLHz93O7dco659COt9fnzoM/rFWJdN6hbr/C3"
    "9s3QqVf4LyJZgnHN662VPkI8RFaGE+cIMYWsoGWshpHouQlQHC+P9yrjCqDw14LlTkpIpd"
    "JTEzFRd4WcRYyc9HM0sRd6hiD8oqv8V6UCf8Dsebe+dQ6uhykrrovCdQ+jANvdtw+0BGQ/"
    "YbLKVjMhTCSynzzYLXMO4iBiKXJoTlXeSVMxkZvGjl4EREhW4t0RHl+eZgOmSy1rR/sgic"
    "AMyRoFUhikjgxGss/1KGEF784SIQHQolBX7VbqG1VConMsoedKZJOo0N2NbnBrTIGre7gV"
    "gGzq/kulOgzTsiUsROzRZGiKn6mhxPpDsjQYunOHOUP5NAny0Lyesb4eRlw0bwaQ3NJA90"
    "RWcFmBclTxYCnRvfF64EOuy5iWETbXMrsnYF+dUcoE0hGqeDnrMbmUl79ed9bzGi/8W1P1"
    "+HJ3FQQb5+IC3SkqYcfIM/G6CfHhEAtGhh+AbN4c+Nu3/zd+Iqtv397zP21D/faNRTEv58"
    "TwTigTTYklzdkYi/gWX0d58og1ZEH6nFoUzbGJsAbnoTJTNDg4X7T/6Nyhj58fWNtjZrh+"
    "WUcYLckEmcrfBG6V4aM1txcTDSvqe/jwrMjEGUdhj4FXZnfV2ePhOdPpQicztHSKcsD7wD"
    "Mt/AQ/yGIDM8WfdVY2WO9ruCf0oNBjvg4ACO2JP4hq6gp+q/fSzk9OblzmzQLnUHbaEEf6"
    "lW3eBm+m8DlRlTI7aimz0vfA+vypP+w3neXHfIC37X7TWUTMq9frD1r3LebX02CNLzDcMR"
    "h3O73f4R5jzFbASLsd9HvtsUspG8zd7NLfdfv9wfhzt8VaL/EgeF3Fmhh+Jn9BRZi7PXUl"
    "SCdyJdPa1U8T1sHMKUPkbdjuhv6exZNPGhJLW5w2Ltm3EmsrDtu09/vQq0x2uSKyWRQQCG"
    "GPj1G4t4Y6B8nyBTvnYol/JQNPAGJeI4r1+mOJvOq6CqgoMdASTgg63FIQCpcq4PAIBQTh"
    "iRbrqsxxyoL0Bp3AcNfcdq+eVFRHpqZMp15JLiacTVZWvtZ5Bwj6ASFv7L9PShkqTCSwyX"
    "qTF6fxuCwV2YqJYdvScMq9X2RkdeU7aHloA2CkLJhC9IIaIZXiRK6upOzQLb7HhIxQkaA/"
    "mZvL1/Oe4vL2kzfvTTqBN2+RYpSCanUuuF06obUwtnkwW0WduQLYB4vasHewTYQ3SnfNDb"
    "lUp8tGmuOS3ZYswvAvN7ZzMsm6AgIk1eRPNfkZYhnnfYBEYJB9VYibEC/YS3NDm/4dwbkP"
    "o//2uf1RpOnOrX9ZJ3yISGBuiDTlHcwyTvoQkcBAb0x757XdiS/enHdt0xn4sKYQmQmOK0"
    "KxkMTs/EwfrSNyMbtAS8LMYM1fOHfGivxrPlvlZSpj5eUWa2WkCEAVL5yM/nlGjqaJFw77"
    "gFJqbxuOI4Ft1CdT4WydVePJEakYJaw05J2RigEr957RXoGuWWc2g9NGbIUX7+4u2IEJWQ"
    "C+pY9TjK7fzEFxRwg1CYUyJUecbEY87Q48iYZdVR2cz2qXrW8JVeC9mPfLdt0YQmQZvuzZ"
    "yyAV7sfL0ABCGz/LzsqqU3Iy9OXV3bJmsFep67naj2fV4CJ0lQIXEwTEo3QzAhukqUCNgl"
    "oZcyprg2DqcFZrg+Rn25Urba9wYEObYYqEyPWpVFlxUqC7eYYLZcTpgXYyVSTs/vqI9Sb0"
    "fX2b2UYL3JnOWsOzdhbENFnkiEV5oDF2psN7HleypMYTYdmmWFmYdWQSTTZ5dotJLEvlXW"
    "kR+Q6PUFdALJH4vKDCn7DblvRnoLSaDLeCSlSlwgiSChOP61mkv0ypqtKlrY9lxigZK+pq"
    "LCszYlp1xJIK2FQDCuzkVNaRCvrqGJsmbMisF4g4vZ7wKr4zRXLl8gCJGIXL2WNLU7jc3a"
    "Mi/Nhu8FlTldDYcybGHQ+TrdadM6wSWlg5yQfvihm4MuQfrZF21+p0mQV2Cnsps8jetHo3"
    "7S6/JDEwVFUUu6xMZFsnWWP6wlTF8O8QckONSWZBCZJnnJFnYJIb7eSdfc2rRhM2nlxMOU"
    "R2FLYsstCtzD3agnTHs5RcHlacKyKxUsWmNSaGEdeobVsJ6SBVZZZOZ5Zmak+CIr8lry9E"
    "VT6oi0/Y8xADtVOJiRTe4VbbJC5A2BIM/zLJWhr5bo3dzT2HTB1DXvFbZH4zOTIHnwNkFX"
    "9F5q8TZT9emLM4O922zKYwXfnOyeLtQjJh9ZqM1dZgoiRFJ0IqMOI8dg0N2/efuzDHmYr6"
    "W//DXafXefiUR7E5gMRSZXD8gFFAVSTFASIpfKN9Jlg3qCpg4yp4S4qefcJuklVhKmnKd7"
    "uYRXE+oMNfNJDTevw3Z9juUBVvtRcA7x0f6ot+fvtDWng3tsYqEOiogUCnCVMZkCkxDKy2"
    "mUegFhOnEr6hvi1QxXBvHXP3wuETi/6smRJMFxdWHmhQBYMIEgxSkrqosOn1msiUsDbS7v"
    "rdbv+x6TrMRlq33bpt8lCQkXbbbnWbvMp/HjUzjfcs2XcW5zkzlIntNvML82ZrDc0w4RGr"
    "aHprIouizwbh9ZxZqWiCDdhiDeRsQfDHEyE6r+6MbNMpCipKac05bKAAYR4TwAZpZQOobA"
    "BnJjAVraoGBYCUmAZJKhU1rkKnY2Bn+2Y2ZKOE1ZTdaQHg07EAFcqT0x+88c5sFqdVpYLL"
    "d7eGGpiSBWD8yEf74g52XtM4Lb7RRZwmcaUyBJTFEODsH1sMAf4Gk8IQwBdrVWGkXEp/wo"
    "m1pRygRyBwmOyUl6Kn1hz99wA5Zwy8Hs9YWiia8pNu0JmBF8j/Lad36pff+DJs3d01WcP2"
    "6ZTV9BgMe+0BK+phWPB+LKb8/nOr87HHQsoXOoaDJg9jio8o5//PsD68+0WOq/AQRt7Lnj"
    "6U4i9jbCnSE4mRO5KxDhEJDLhI0cyAWcZCvGuKCuK0EHvVZjPiHCQrH9gHySzxUSPfdcUg"
    "Zg5LbMIQZxNx6pdAdJs3shg/E71CMl6ZCFvokcCks/Y2m4tko00VlAp83WtSnOt0YGHxgL"
    "ix8kUpJIFe53S1/PGmARP5Qb0dMwzGOo5rWJS8KccSl29rPkziVBUe+wO6xuhSy+prCJJU"
    "XoadXgYOVwH22dIXFQrOq8z22TXe6wiojfCLDA3aI5FXZ7ZhJUEeWvrMz7AnTmX0yhy0lf"
    "2A/GWDlLpIjPhbf13fbub3b0xZl+qRtRfGbvt3pBEim+9ZMQKQOyewr8is9TDld2P1An02"
    "FAlEUJgiPJBHx4bJSkpRjT8FAQ8tM1qZ6kDPqLwQYnkhWKydg0+saL7bBB4aQGDxvDbgZV"
    "UMXlblodVtN5GJ1Vw22ILjDHWD6sSwVnuxITKIyKy4a90M+4N/sNEkixqrkfbYGrQ/9b88"
    "AFdgYyZzCjvJSOvf3XVu4BKdTmF7GWndVo+FimJNkJo3Bpll7O69phCYPzk12UM0ktZmKv"
    "MggnwdUwJkaxBuhDZfHK5giB8nthZWIB4vlJiZfUskZYHVhLjnANmm5cChu3DphQG+thjZ"
    "l5eTxt62udv2Tee+1X1x1ag3NvD1pv7rSB86BzD8PRfODlmFcwqcJaKorDKz04o7x8yOH+"
    "BssC8M9bcZQJ+qlBpj5h7JAXiU+FzAtv6r6KmeBXSdLokxfnrOs31HaM8F8qevrdPsK0yZ"
    "yLF/B8nOBeOVjZ2ah+7sdv4G/X5eHPSvM0A/seUZARTZG+RgQRz5+bGCvX0dWdRKmy9XNB"
    "eYBj3Wme0nBw+ixOfHgaKlmszgc+bnBT9EfE7gnwbwKcGWbZAYO3tyXfAgjRiFwdnzSlMY"
    "nPX5iuHHkHxPsAv7BGWwv2zzXbf/GG5H23ddd/u9j97tmyzY7PQs5wwrCFNWYQWihBXEhP"
    "FEfIunybgtnxsmEleQJUNpd5JYXyNDCv8UnSImFiP2zxDzExyL8wQ/WHA9ucN08Ov6Nk+w"
    "yW6sGkqf7Qqvo90NpWe5XXzhEQSWXxga3NkK2JKsPYgf+70mWlJtpHX7DzCGSs2UAdTHaS"
    "Kdn39BeqETxsrJvqpxdNmE16px9OkDzavG0WVrHC3c5nTYkO7j19wQDeACVaqqC285u/AO"
    "4TR4SqxtGvi2vk29Zars0/Gqmob7cQeL/sGtf9ZMkAH8HIXIt15lh9AXmTTmD8rsR1Gaf2"
    "40Xr26bly+evvuzevr6zfvLv1NOvrVtt36Q+cj27BD8kdVPrXGFDBH+xppN93Oze9NFpcv"
    "PY2028d2l1VMXRJVHWkPIKaxuGY2s0faZ1DA2oOxU3uVidUw250SrDf93sOXLmhnjJ3sDX"
    "KIk1dpCrFcJRdiuYoUYrHoE8kUTOsTHIp5RVTE4cxA/FURnbrZETPCufkeqfB+bh9J0/ka"
    "W/wrJGHDWLH23halYijQOuaBK5nZtEl3INWqCGYx5J1k7SbnFOfEck5N4iwqGamK9oQmBr"
    "Vnc2DNXDHhHlMRxMQRPvFSagxhIoH1MP5EYA7CTi0j2NMMa0pVhfIVlZIFBetonPvZWoEG"
    "SETeuHST2DLVVgtqm0iREW8J5W9fEqVPSq7smUaaNIFGcppAI5Im8GNUWq09aXQJk3/KTg"
    "xTUVlaXr9lW3NEDZao5xzlfpLnCYoIBwXqlBwI0YgMPpv4zq6zIIsJcABAdyuoIQkOBgVe"
    "EC0V4EbmQ6FoqxFokhrJVGcqQCK0HDynS/dYBnQRCEjKM5Fdebfuirh1xNZ0HbnlQ+pIVg"
    "wiCXJAW9iYZSu0tqYQ2CJd49qI2QRRCcTXJTaRxdRmGb2wCAyl4ec68EwmFF1cXLzMw4ri"
    "yz4+Y9WO8Qwk7lT+/SLvUlwPbPL1Ac+FNaCCdEcAWdlEJoVnGEjRvB2KLGGtcD6dZqOqOj"
    "iUuAzUXsFOxRkuvzoe61qM1dL7qr7NZOl6vI9vrgRZw7CyGx1/FIvj4aoye7hn3JGCdNV2"
    "JNx2FDx3iJbnyFlTVewVmr3benPv9gfs2Z47X5bGhNIn4k251MLeh37/9/ZtEznUI+0WAG"
    "0imWqE1fTu3bS7Xfa1xH6nqqaW8g4dhlWVJvwBw7Cqrl0HUKBOZe4Xbt1UnbtEh3dLAJY7"
    "IaMwZw4S6q5HOrMZnDZKKLx4q75dxSNc9e36Mft2PWIQkWOj29xv6tvMREt+T8rqncM5c5"
    "8uFoppssRs7IQ2sugP7DfeZQ2Rn5ntnHVOYi4Pgy7d6psgyc948YdnXjIUqVR6iqnfeZCn"
    "jLSR9u2bd9H89g3xUZ0OwRskrFwoluZII0sEOgmy8BNxbtTId2ukgSo2Ye4a9myXFB5vIh"
    "Yu48xrXmLhhfvmdX/gOprYrPXMyzqzaVtLOtKWhmIRw3TCZ0xV4c4HHZuW82Lw7kwN0qjl"
    "9KbiuFhVPVIB7W98QmZxkPkEIvvHyEK33JCiqWLAtORv7cWDGbbqpHue3ivmL94MUztEcz"
    "yF4lLoGV4VTSivwSPGDBkpmuCeWtn0xzBRVTahyLIJeJ1BEuZGxroJ6TNRxGJFWhE9PAcP"
    "XTkhoFLGid4hhXOL+L1W2lLK4A90QZhQupxTkIZBTAV50WbyI4/sdft2ATVVVVYV0TupeS"
    "FqBatrcdoI9zVlrxCVxQ/+tEqKFUuKpTrRsrUgXFMUIscepLmvNx9/8uej/9KnrxXutQvL"
    "Dn2UUlgWpJ/gB0YbfiXNCHOApMJ3F76mPWHvNSFxiYVby96HCPPVvM+lJvhXzrbq/Rq6PP"
    "E/m8Rn07TyhwwSsbW9uB1DXvFbZH5jC37rxM5nh4kQV7wWmddVhFGy2HKeBrc0EUaVmbVs"
    "XE9jZjXc5p5jUwKeZLO2xtJWATtRwdhzF+eB9xwioWqOT857YZ7GydOkCPKOfuZCX8JTYR"
    "aehAWnciccxa5kEgst52Sd2B9NsZ1j0207ypPXHIsp8uKaTh7D5k2dKHPOvtLVARZHWlfE"
    "xg6SIhArvKUXwA2vefSDN54QPCnc6RN7FO7Rt9uJ89qzIXXZguFCM3WKnykLWtoTozt3mD"
    "OUSlPB5E/MU3SCP8d5FUxYzY9UIDe2JBiJFRpQFrGqgKCChINlv6gCkFFkeAGs1uKiCtbf"
    "1rdGFfj3pQwqaIGUBPw0N6JskUXRhJVNUuT3yJzzIj6A9S+K/Gs0VCDnGGkSzMNMcB9DAG"
    "rNLYjppz7C79RMePA4YBCr8tCPGkGAF5xX07hSe9sqi4bpRE7vqrGAcG1dVmyCVba9vndr"
    "jDkblEEkojwTEzm/C/2EpiRbpbej1CYN9ogj2ZkWICpN/OyRcV/AvkdzV4FdUx8x69uJWq"
    "tlXDWP7ZtPrWETOdQj7b7V+9LqNhEchnbaNqDh6IV3KYIX3iXGLryLhC6cX/69QZ7XAm8W"
    "Zgzafm8Uf4yR9rn1D35Jxyv++abfu+sM7vk14MRUMRbufZ3bJj/TR9qg/Vv7Zsjy9Q3yLy"
    "JZLKH/rtXhGfxTrAiTvh8SGyI8Zo6WJGtwmG6bm0WgM2pim4pGTBPJeFVHUxCd2ekkA0NW"
    "SFUWaWv8beEC86JsYHzy6MEDgRmKXXVemcPpiZtoRlmGWK5yx8WHYIHoq475hwgj2ppkrH"
    "SAM2muByhFZghblAqrajxZebrfZ7xyRLJG/fLyEhXSbPcgvUgBZDNuC0peJGsKkXmynK/8"
    "I4Cp6vk3/4M0/KG2NZ4oKsxvmmmDCpOVLQC0+EQ8XwXPAXYcrcBTXpigWx83JoRm6hoWpS"
    "wf3sXX7dax9MQaniraNGZ+J/fw3qQrA9bHPj4ddXHM7YvEVcRSJ0zE0JaBB5sNTtIoxnDX"
    "lhYnEeW4ik1MRv88o9TSxCbG2dMzsj9hiCoSWZzgxCjfp6DwmvNc/N4grfgsMp+r2OOy7e"
    "ppYo+FKfFwahYXHOvKAw7HWNcN+pw16DiWVuDQ4xPGdDsmpsydm6OEFbwxuaS86UbOSRxP"
    "XMG8Mww7MZDrgFHYou3GRdZ5Sd6VjwqxYJM4LcKxZ1GKIPaN5V9BvRvq+B0zVcKAf5pVOK"
    "fJE9g8/PdIEiAavNS+AfBdXjm0DUOtygN7TLRyccGxLWIo0rwWExjrflPfFhSL1/ccsh1S"
    "FWx6zGBT2DJNJZszPUAicsvIvL6uQ7jO2aLKgLB7ewnRvbq8TONZubxM9qyw7zY8K1SzYo"
    "uw//bQ7yW4VNYkm5Y3RbLQvxErt3+GaG8Bl4Gx3Ze46Tash+1mbIAP+1bl3Pcw+8//AVQt"
    "SQA="
)
