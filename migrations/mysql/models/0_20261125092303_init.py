from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS `accounts` (
    `id` INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
    `name` VARCHAR(64) NOT NULL,
    `role` VARCHAR(16) NOT NULL COMMENT 'ADMIN: admin\nMANAGER: manager\nSALES: sales\nPARTNER: partner',
    `phone` LONGTEXT,
    `phone_hash` VARCHAR(64),
    `active` BOOL NOT NULL,
    `bind_code_hash` VARCHAR(64) UNIQUE,
    `bind_code_expires_at` DATETIME(6),
    `created_at` DATETIME(6) NOT NULL,
    `manager_id` INT COMMENT 'the manager whose team this account belongs to',
    CONSTRAINT `fk_accounts_accounts_0ace83bb` FOREIGN KEY (`manager_id`) REFERENCES `accounts` (`id`) ON DELETE SET NULL,
    KEY `idx_accounts_phone_h_2c5aaf` (`phone_hash`)
) CHARACTER SET utf8mb4 COMMENT='A staff member (admin, manager, sales) or an external referral partner.';
CREATE TABLE IF NOT EXISTS `audit_log` (
    `id` INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
    `action` VARCHAR(48) NOT NULL COMMENT 'client.create, listing.status, followup.create, ...',
    `entity` VARCHAR(32) NOT NULL,
    `entity_id` INT,
    `before` JSON,
    `after` JSON,
    `at` DATETIME(6) NOT NULL,
    `actor_id` INT,
    CONSTRAINT `fk_audit_lo_accounts_57f74365` FOREIGN KEY (`actor_id`) REFERENCES `accounts` (`id`) ON DELETE SET NULL,
    KEY `idx_audit_log_entity_4c32c6` (`entity`, `entity_id`)
) CHARACTER SET utf8mb4;
CREATE TABLE IF NOT EXISTS `referral_scenes` (
    `id` INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
    `scene` VARCHAR(32) NOT NULL UNIQUE COMMENT 'fits both QR scene_str and mini-program scene',
    `kind` VARCHAR(16) NOT NULL COMMENT 'STAFF: staff\nPARTNER: partner\nCAMPAIGN: campaign',
    `name` VARCHAR(64) COMMENT 'campaign name',
    `qr_ticket` VARCHAR(255),
    `qr_url` VARCHAR(255),
    `qr_media_id` VARCHAR(128),
    `qr_media_expires_at` DATETIME(6) COMMENT 'uploaded media lives 3 days at WeChat',
    `qr_expires_at` DATETIME(6) COMMENT 'temporary campaign codes only',
    `miniapp_code_path` VARCHAR(255),
    `created_at` DATETIME(6) NOT NULL,
    `owner_id` INT,
    CONSTRAINT `fk_referral_accounts_93f6f9d5` FOREIGN KEY (`owner_id`) REFERENCES `accounts` (`id`) ON DELETE SET NULL
) CHARACTER SET utf8mb4;
CREATE TABLE IF NOT EXISTS `wechat_users` (
    `id` INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
    `openid` VARCHAR(64) UNIQUE COMMENT 'official-account openid',
    `miniapp_openid` VARCHAR(64) UNIQUE,
    `unionid` VARCHAR(64) UNIQUE,
    `subscribed` BOOL NOT NULL,
    `subscribed_at` DATETIME(6),
    `unsubscribed_at` DATETIME(6),
    `attributed_at` DATETIME(6),
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `referral_scene_id` INT,
    `referrer_id` INT COMMENT 'first referrer within the attribution window',
    `account_id` INT UNIQUE COMMENT 'set when a staff member or partner has bound this WeChat user',
    CONSTRAINT `fk_wechat_u_referral_103dcb2e` FOREIGN KEY (`referral_scene_id`) REFERENCES `referral_scenes` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_wechat_u_accounts_9dec07e5` FOREIGN KEY (`referrer_id`) REFERENCES `accounts` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_wechat_u_accounts_5652fac2` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE SET NULL
) CHARACTER SET utf8mb4 COMMENT='Someone who reached us through WeChat: follower of the official account or mini-program user.';
CREATE TABLE IF NOT EXISTS `clients` (
    `id` INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
    `company` VARCHAR(128),
    `company_norm` VARCHAR(128) COMMENT 'company name without region prefix, legal suffix and spaces, for duplicate checks',
    `contact_name` VARCHAR(64),
    `phone` LONGTEXT,
    `phone_hash` VARCHAR(64),
    `wechat_id` LONGTEXT,
    `wechat_id_hash` VARCHAR(64),
    `email` LONGTEXT,
    `email_hash` VARCHAR(64),
    `industry` VARCHAR(64),
    `region` VARCHAR(64) COMMENT 'preferred place, as the parser normalizes it',
    `source` VARCHAR(24) NOT NULL COMMENT 'DOUYIN: douyin\nREFERRAL: referral\nVISIT: visit\nOFFICIAL_ACCOUNT: official_account\nCHANNELS: channels\nMOMENTS_AD: moments_ad\nMINIAPP: miniapp\nOTHER: other',
    `source_detail` VARCHAR(128),
    `stage` VARCHAR(16) NOT NULL COMMENT 'INTENT: intent\nVIEWING: viewing\nNEGOTIATING: negotiating\nWON: won\nLOST: lost',
    `deal_probability` SMALLINT NOT NULL COMMENT 'percent, set from the stage',
    `important` BOOL NOT NULL,
    `notes` LONGTEXT,
    `next_followup_at` DATETIME(6),
    `version` INT NOT NULL,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `owner_id` INT,
    `referrer_id` INT,
    `wechat_user_id` INT,
    CONSTRAINT `fk_clients_accounts_32e89417` FOREIGN KEY (`owner_id`) REFERENCES `accounts` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_clients_accounts_6e564561` FOREIGN KEY (`referrer_id`) REFERENCES `accounts` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_clients_wechat_u_0e26e829` FOREIGN KEY (`wechat_user_id`) REFERENCES `wechat_users` (`id`) ON DELETE SET NULL,
    KEY `idx_clients_company_43f57c` (`company_norm`),
    KEY `idx_clients_phone_h_f1d1ec` (`phone_hash`),
    KEY `idx_clients_wechat__51e04d` (`wechat_id_hash`),
    KEY `idx_clients_email_h_fc90f7` (`email_hash`),
    KEY `idx_clients_next_fo_69e011` (`next_followup_at`),
    KEY `idx_clients_owner_i_b31433` (`owner_id`, `stage`)
) CHARACTER SET utf8mb4;
CREATE TABLE IF NOT EXISTS `followups` (
    `id` INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
    `content` LONGTEXT NOT NULL,
    `channel` VARCHAR(16) NOT NULL COMMENT 'CHAT: chat\nPHONE: phone\nVISIT: visit\nVIEWING: viewing\nWECHAT: wechat\nOTHER: other',
    `stage` VARCHAR(16) COMMENT 'stage named in this follow-up',
    `happened_at` DATETIME(6) NOT NULL,
    `next_at` DATETIME(6),
    `done` BOOL NOT NULL COMMENT 'superseded by a later follow-up of the same client',
    `reminded_at` DATETIME(6) COMMENT 'when the due reminder for next_at went out',
    `source_msg_id` VARCHAR(64) UNIQUE COMMENT 'WeChat MsgId that created it',
    `created_at` DATETIME(6) NOT NULL,
    `author_id` INT,
    `client_id` INT NOT NULL,
    CONSTRAINT `fk_followup_accounts_f551c4c1` FOREIGN KEY (`author_id`) REFERENCES `accounts` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_followup_clients_2792f92f` FOREIGN KEY (`client_id`) REFERENCES `clients` (`id`) ON DELETE CASCADE,
    KEY `idx_followups_next_at_1a123c` (`next_at`),
    KEY `idx_followups_client__df8902` (`client_id`, `happened_at`)
) CHARACTER SET utf8mb4;
CREATE TABLE IF NOT EXISTS `listings` (
    `id` INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
    `code` VARCHAR(32) NOT NULL UNIQUE COMMENT 'short code salespeople type: A12, B07',
    `title` VARCHAR(128) NOT NULL,
    `property_type` VARCHAR(16) NOT NULL COMMENT 'FACTORY: factory\nWAREHOUSE: warehouse\nOFFICE: office\nLAND: land',
    `deal_type` VARCHAR(8) NOT NULL COMMENT 'RENT: rent\nSALE: sale',
    `region` VARCHAR(64) NOT NULL COMMENT 'most specific place, as the parser normalizes it',
    `city` VARCHAR(32) COMMENT 'resolved from the configured region tree',
    `district` VARCHAR(32),
    `town` VARCHAR(32),
    `address` VARCHAR(255),
    `latitude` DECIMAL(9,6),
    `longitude` DECIMAL(9,6),
    `area` DECIMAL(12,2) NOT NULL COMMENT 'building area, m²',
    `land_area` DECIMAL(12,2) COMMENT 'm²',
    `rent` DECIMAL(14,2) COMMENT 'yuan per m² per month',
    `sale_price` DECIMAL(14,2) COMMENT 'yuan per m²',
    `land_use` VARCHAR(32) COMMENT '土地使用性质: 工业, 仓储, M0 ...',
    `property_cert` BOOL COMMENT '独立产权证 available',
    `single_storey` BOOL,
    `floors` SMALLINT,
    `floor` SMALLINT COMMENT 'which floor is offered, for multi-storey buildings',
    `ceiling_height` DECIMAL(6,2) COMMENT 'm',
    `floor_load` DECIMAL(6,2) COMMENT 't/m²',
    `fire_rating` VARCHAR(16) COMMENT '消防等级: 丙二类, 甲类 ...',
    `power_kva` DECIMAL(12,2),
    `sewage` BOOL,
    `features` JSON NOT NULL,
    `park_facilities` LONGTEXT,
    `transport` LONGTEXT,
    `description` LONGTEXT,
    `media` JSON NOT NULL COMMENT '{photos: [...], videos: [...], panorama: url, aerial: url}',
    `internal_notes` LONGTEXT COMMENT 'never shown to clients',
    `landlord_name` VARCHAR(64),
    `landlord_phone` LONGTEXT,
    `landlord_phone_hash` VARCHAR(64),
    `status` VARCHAR(16) NOT NULL COMMENT 'VACANT: vacant\nVIEWING: viewing\nNEGOTIATING: negotiating\nCLOSED: closed\nPAUSED: paused',
    `review_status` VARCHAR(16) NOT NULL COMMENT 'PENDING: pending\nAPPROVED: approved\nREJECTED: rejected',
    `review_note` VARCHAR(255),
    `version` INT NOT NULL COMMENT 'optimistic lock: every status change bumps it',
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `held_by_id` INT COMMENT 'the client whose deal holds this listing (negotiating or closed)',
    `owner_id` INT,
    `reviewed_by_id` INT,
    CONSTRAINT `fk_listings_clients_50fd32f6` FOREIGN KEY (`held_by_id`) REFERENCES `clients` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_listings_accounts_101b2d75` FOREIGN KEY (`owner_id`) REFERENCES `accounts` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_listings_accounts_1c640343` FOREIGN KEY (`reviewed_by_id`) REFERENCES `accounts` (`id`) ON DELETE SET NULL,
    KEY `idx_listings_landlor_228896` (`landlord_phone_hash`),
    KEY `idx_listings_review__4519dc` (`review_status`, `status`, `property_type`, `city`, `area`),
    KEY `idx_listings_review__1207a8` (`review_status`, `status`, `property_type`, `district`, `area`),
    KEY `idx_listings_review__b9fb97` (`review_status`, `status`, `property_type`, `town`, `area`),
    KEY `idx_listings_review__1d1536` (`review_status`, `status`, `area`)
) CHARACTER SET utf8mb4;
CREATE TABLE IF NOT EXISTS `favorites` (
    `id` INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
    `created_at` DATETIME(6) NOT NULL,
    `listing_id` INT NOT NULL,
    `wechat_user_id` INT NOT NULL,
    UNIQUE KEY `uid_favorites_wechat__9a87ca` (`wechat_user_id`, `listing_id`),
    CONSTRAINT `fk_favorite_listings_da274055` FOREIGN KEY (`listing_id`) REFERENCES `listings` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_favorite_wechat_u_07f98d52` FOREIGN KEY (`wechat_user_id`) REFERENCES `wechat_users` (`id`) ON DELETE CASCADE
) CHARACTER SET utf8mb4;
CREATE TABLE IF NOT EXISTS `listing_status_changes` (
    `id` INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
    `from_status` VARCHAR(16) COMMENT 'VACANT: vacant\nVIEWING: viewing\nNEGOTIATING: negotiating\nCLOSED: closed\nPAUSED: paused',
    `to_status` VARCHAR(16) NOT NULL COMMENT 'VACANT: vacant\nVIEWING: viewing\nNEGOTIATING: negotiating\nCLOSED: closed\nPAUSED: paused',
    `changed_at` DATETIME(6) NOT NULL,
    `note` VARCHAR(255),
    `changed_by_id` INT,
    `client_id` INT,
    `listing_id` INT NOT NULL,
    CONSTRAINT `fk_listing__accounts_811a2dd8` FOREIGN KEY (`changed_by_id`) REFERENCES `accounts` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_listing__clients_4b6cb1df` FOREIGN KEY (`client_id`) REFERENCES `clients` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_listing__listings_88645377` FOREIGN KEY (`listing_id`) REFERENCES `listings` (`id`) ON DELETE CASCADE
) CHARACTER SET utf8mb4;
CREATE TABLE IF NOT EXISTS `notifications` (
    `id` INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
    `kind` VARCHAR(32) NOT NULL COMMENT 'followup_due, daily_digest, overdue_escalation, lead_assigned, ...',
    `payload` JSON NOT NULL,
    `due_at` DATETIME(6) NOT NULL,
    `status` VARCHAR(16) NOT NULL COMMENT 'PENDING: pending\nSENDING: sending\nSENT: sent\nFAILED: failed\nCANCELLED: cancelled',
    `dedupe_key` VARCHAR(128) NOT NULL UNIQUE COMMENT 'one notification per event, e.g. followup:12:due',
    `attempts` SMALLINT NOT NULL,
    `last_error` VARCHAR(255),
    `claimed_by` VARCHAR(64),
    `claimed_until` DATETIME(6),
    `next_attempt_at` DATETIME(6),
    `sent_at` DATETIME(6),
    `wechat_msgid` VARCHAR(32),
    `delivery_status` VARCHAR(64) COMMENT 'from TEMPLATESENDJOBFINISH',
    `created_at` DATETIME(6) NOT NULL,
    `client_id` INT,
    `followup_id` INT,
    `recipient_id` INT NOT NULL,
    CONSTRAINT `fk_notifica_clients_c2a0bac4` FOREIGN KEY (`client_id`) REFERENCES `clients` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_notifica_followup_abbe7441` FOREIGN KEY (`followup_id`) REFERENCES `followups` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_notifica_accounts_2b0536bc` FOREIGN KEY (`recipient_id`) REFERENCES `accounts` (`id`) ON DELETE CASCADE,
    KEY `idx_notificatio_status_1ee529` (`status`, `due_at`)
) CHARACTER SET utf8mb4 COMMENT='One message to one account; the worker claims, sends and settles it exactly once.';
CREATE TABLE IF NOT EXISTS `referral_events` (
    `id` INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
    `kind` VARCHAR(8) NOT NULL COMMENT 'SCAN: scan\nFOLLOW: follow\nLEAD: lead\nDEAL: deal',
    `attributed` BOOL NOT NULL COMMENT 'false when an earlier referrer keeps the user',
    `happened_at` DATETIME(6) NOT NULL,
    `client_id` INT,
    `scene_id` INT NOT NULL,
    `wechat_user_id` INT,
    CONSTRAINT `fk_referral_clients_21a7541a` FOREIGN KEY (`client_id`) REFERENCES `clients` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_referral_referral_7c2bfb2e` FOREIGN KEY (`scene_id`) REFERENCES `referral_scenes` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_referral_wechat_u_b842997e` FOREIGN KEY (`wechat_user_id`) REFERENCES `wechat_users` (`id`) ON DELETE SET NULL,
    KEY `idx_referral_ev_scene_i_bd3f57` (`scene_id`, `kind`)
) CHARACTER SET utf8mb4;
CREATE TABLE IF NOT EXISTS `requirements` (
    `id` INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
    `deal_type` VARCHAR(8) COMMENT 'RENT: rent\nSALE: sale',
    `property_type` VARCHAR(16) COMMENT 'FACTORY: factory\nWAREHOUSE: warehouse\nOFFICE: office\nLAND: land',
    `region` VARCHAR(64),
    `single_storey` BOOL,
    `area_min` DECIMAL(12,2) COMMENT 'm²',
    `area_max` DECIMAL(12,2) COMMENT 'm²',
    `ceiling_height_min` DECIMAL(6,2) COMMENT 'm',
    `floor_load_min` DECIMAL(6,2) COMMENT 't/m²',
    `power_kva_min` DECIMAL(12,2) COMMENT 'kVA',
    `rent_max` DECIMAL(14,2) COMMENT 'yuan per m² per month',
    `budget_month_max` DECIMAL(14,2) COMMENT 'yuan per month, total',
    `sale_price_max` DECIMAL(14,2) COMMENT 'yuan per m²',
    `sale_total_max` DECIMAL(14,2) COMMENT 'yuan',
    `features` JSON NOT NULL,
    `notes` LONGTEXT,
    `updated_at` DATETIME(6) NOT NULL,
    `client_id` INT NOT NULL UNIQUE,
    CONSTRAINT `fk_requirem_clients_b9d3c806` FOREIGN KEY (`client_id`) REFERENCES `clients` (`id`) ON DELETE CASCADE
) CHARACTER SET utf8mb4 COMMENT='What a client needs; every bound is optional. Prices use the parser contract units.';
CREATE TABLE IF NOT EXISTS `stage_changes` (
    `id` INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
    `from_stage` VARCHAR(16) COMMENT 'INTENT: intent\nVIEWING: viewing\nNEGOTIATING: negotiating\nWON: won\nLOST: lost',
    `to_stage` VARCHAR(16) NOT NULL COMMENT 'INTENT: intent\nVIEWING: viewing\nNEGOTIATING: negotiating\nWON: won\nLOST: lost',
    `changed_at` DATETIME(6) NOT NULL,
    `note` VARCHAR(255),
    `changed_by_id` INT,
    `client_id` INT NOT NULL,
    CONSTRAINT `fk_stage_ch_accounts_f727bdc5` FOREIGN KEY (`changed_by_id`) REFERENCES `accounts` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_stage_ch_clients_4edf4e23` FOREIGN KEY (`client_id`) REFERENCES `clients` (`id`) ON DELETE CASCADE
) CHARACTER SET utf8mb4;
CREATE TABLE IF NOT EXISTS `viewings` (
    `id` INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
    `start_at` DATETIME(6) NOT NULL,
    `end_at` DATETIME(6) NOT NULL,
    `status` VARCHAR(16) NOT NULL COMMENT 'BOOKED: booked\nDONE: done\nCANCELLED: cancelled',
    `created_at` DATETIME(6) NOT NULL,
    `client_id` INT,
    `listing_id` INT NOT NULL,
    `wechat_user_id` INT,
    CONSTRAINT `fk_viewings_clients_167b1113` FOREIGN KEY (`client_id`) REFERENCES `clients` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_viewings_listings_4c3783cf` FOREIGN KEY (`listing_id`) REFERENCES `listings` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_viewings_wechat_u_17bbcc27` FOREIGN KEY (`wechat_user_id`) REFERENCES `wechat_users` (`id`) ON DELETE SET NULL,
    KEY `idx_viewings_listing_c599bb` (`listing_id`, `start_at`)
) CHARACTER SET utf8mb4;
CREATE TABLE IF NOT EXISTS `aerich` (
    `id` INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
    `version` VARCHAR(255) NOT NULL,
    `app` VARCHAR(100) NOT NULL,
    `content` JSON NOT NULL
) CHARACTER SET utf8mb4;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztXe1zosi6/1e6/DRb5eYkTjaZ9dy6VU5iZrJrNFedye5ZT1EttMoN0mwDcXL37P9+ux"
    "tQXpVGJMDwZSYCT4u/p1+e9+ev1horSDPPerKMbd1qdcFfLR2uEf0jfKsNWtAwdjfYBQvO"
    "Nf4sdB7iF+HctAiU2WALqJmIXlKQKRPVsFSss6d7wLTgYgHWaD1HBLyDylrV22ANdbhEpA"
    "1MqCHzB4AJgDpA3yxEdKgBghaIEPqHAYmlI3LGvkzBMv02VV/mPK6tq3/aSLLwElkrROjo"
    "f/ybXlZ1BX1DpvfReJYWKtKUAG6qwgbg1yXr1eDX7nXrjj/IXnkuyViz1/ruYePVWmF9+7"
    "TqwL1E9G2ghdjwFrEZkLqtaS7mHrbOm+4ecV7RR6OgBbQ1xg5G7bzA7lpLkoajqTTpTyWp"
    "FWGVR+FD2b0kY52xWWVMZ79+yV7hx87F5fXlh/dXlx/oI/w1t1eu/3a+egeMQ8jhGU5bf/"
    "P70ILOExzjHaj8/wisNytI4nH1ng8hS185jKyH4z5ovQs7bHczuwhw1/CbpCF9aa3ox6vL"
    "PUh+7Y1vPvfG764uf2BfiOlCdFbo0L3T4bcY2DtwCdYSwO3r9poDfE9fCOoyigDt0ZYZ6F"
    "bv9uF+2AV8P5jpD71h71N/3PU2hpk+6Q36k66zP8z0x954OmT33Q0hvM+kYdLFVQomXVwl"
    "MondCjLJoPDGcKmvy+TVoAjHr4MtVSb+uDtIWdbBHkin/d+mbOS1af6p+aF899D7jaO8fn"
    "XvDEbDT97jPuhvBqOPcZBLK2iuRLaeINWJcC90bz/x9kNlBfUlZmp/xHRvgXo8yjuiEMJz"
    "SnWqrcdDvdi5/XE0GgTm9sf78OT98vCxT/cTDjp9SLWQ/1jdQT2nv46CqIjP6ihlLjP7bY"
    "WWE0/sHWbom6ESZErQimJ+S9Gy1DU6hHtwjBD6ijvImfdHvXb3+4f+ZNp7eAwsg9vetM/u"
    "dALbu3f1Xfhw3Q4Cnu6nnwH7CP41GvY5mti0loR/4+656b9a7J2gbWFJxxsJKn5MvMvepQ"
    "DnZYIY7hn4HaTMgculE2bpD1RGuvbqzsCKsN1dLHu57sqTkpAGGCQ6rAm+2UJuUUXYE5nB"
    "ZoVNBCwE18BaqSZwDQBgjjSsL01g4ZRScw56I9PEF8+xaqP7ulF23GGC1KX+K3qNqDchFk"
    "TNIPXlxt/e5PSu7n4OgZutrSM0ZylYFCLkyBz0dcHwy2DQ4myZQ/l5A4kiJfCHvXKM4OdS"
    "3f06RhrkP7jhSxxfgmK0raiWhHQ6FDKPBJUNNcDL0qAqKkTsR0rWVOQaK7NjdMMHqSlCjk"
    "2UiiENVIegWmBNwxvbOBKjOz7MF6OmKGmqadFBjgRp4IxSU4wIelHRhi66BqzUE0qSV1Bf"
    "HnveuVBNLGjZ5g0fsaaw6dhSF6rM8TgStKFvqArqoQLnINQkU6a/7kjAxu5gEzZWTecXVa"
    "OWKJ9FOWFD1XoxbqUs20TkSLSeEAXd+mKi8vh16K8hpuX615k2pFIlSAdMQYIWhW9uswfp"
    "ZV3BmyMVIaZs4g72KZkB9TN4a8eBDUeN458M/0hHU0z/qSYTTGRRPRTpAAajIzDx/JtgBU"
    "0wp4qp4mipT2zVWcAD5UiurDvrEFcc7Vhxh2PEYbUzLgzFp5LuiUPhOrDmPnYoECV5NR8O"
    "//ijRVUa1XplX+T8xawh/26iQoqMCmFOQGc9pnVj7ShKHbDgqN1njjOgDVxh98zkAmobeD"
    "rn9oGzs0g0VBqX1+WHFC6vyw+JLi92K+jy2i2KtBzZUZSZIxl9iu87KQB+30kEmN2KA1jM"
    "xRCgKbGHoeB9xeeoRQtMYiIQfpmMhglu2S1F2EWnyhb4D1+x1cN1D2gMioAbLhJgE46laQ"
    "f9a2yAcIANXFhxglcy7FuCBvUjUBd2SjfO6Oo5o6mkgwVd0X6S5pg46FzmcNXQtXy0kaMd"
    "chf755Wws1hIsxdUOF3HVIy6uXNZJSubPt/YiVVNvNG33nZuYWsUzWIVTRmvDagL6TU+kj"
    "rEXofC2ztpNEf6VHKAeyeiO7qI0RONxASFHER6S1fekGvvVQH7ydweim1mIF0yO6hB0EL9"
    "RpV9tIQaMO0F/QSgrgDTgDLiWj8Bim1ozOeCgLxC8rOZRes/EfN0i26AkmiiTpiufmsl/7"
    "jiJhWkSQWpZ8S864+Jk2EOzO4AZTPDxWf4FkDhWR6lbGb6wZmO1lDVhGf5lqqZ4eIznIMn"
    "PLuDVM3MPjiz6a+y6fcJKUt+mjpM7ZNnbHOVQQThHUWJ8W0ZXkgMMDSq9LQBNHm8iAGJiQ"
    "hgGh7U1P9DJlCtLKpP/pwwsU3kzNnzO+rinJ8tzO1Mgpy5HX35neXQK9h+ZUn04/5dfzzu"
    "Dbrb+hkz/ev95H7aBS+qqVozfXR3d39z3xtIvZub0ZchvYGpSiurUJPcPIiZTlEdDvuDSR"
    "ewkDEdaeZMfxg99IfTidS77YI1XjMTmwQVev1+eN97fKQXVV2FhkG/YfqZpenvfo/gbOik"
    "mQ2d5NnQSZgNFFUr9nRPXp4RwhKv0jLZjBxraNbV5xEXuPgoNq5hWWT13Q+nfbaCHGq20v"
    "pP98NPbK2hDWXBTB/2P42m970pv6qjJbZUaPE7TyO6bDeYrtnBaELH0LCZae/Mv6SFguhe"
    "YBA8h3NViw0bmdDtXku0XsfRZ/JbZWLlxbno4YboEtetNmAheQuC1/xo207C1Fbu953rq6"
    "2Bm33YZ9uePPQGg2jEg7o2MKGrIsYVvLfsQoCuwMoL2yuVLb2gYysuInqKviXM7i1BHY6C"
    "onU9ncIqeWFyGdLw4+gLKblQpCZYkWgHD6S94Q4viJixKlHi6eGjKPDQOJWolXNEXFPAIh"
    "nq+sYM2YaSketByobrZeF6zN4ZSUPyR5ek3Dv9JE2kWHT79HKexFANUTXARoH1JWyJYRsl"
    "bOA9GOHIl3kU5CbCsR2KcPTvhwkRjnHbQwPtYWhDm2IKdPcmdQoDXMKcztwxjm6OR9R0Kr"
    "4gStlkxVTJ3ysGTD0rffAaWE50tFsCi1lqwQrTueKkGLu/G7zzWapZRrKs0aeVH9KZQ5s6"
    "IXWsE1JFtLZlQtDL8dWyvDIh/Zf6Fs16szIhlTwqXCffkUB9dUap0YzKWPSDoD9tlaA1iv"
    "V+CRf9GAeHqxG2AplUd/AFE8f3Fcml2t5r78umWrhPnSCf6o+wSuAKBU4WVdPT5a2Sqhof"
    "Q82szWl8DJ5ALrSkgkTFuetKv7rKYxmtI757TKNvaGQqG9I5WZluepOb3m2/Fbdb5ABxei"
    "NJVfENbpLx2L5Nnv3WlhcnHfrsfHukQ79R8cTZ9o7lyoVxRd+JThcuazRJ9wUn3W9jZdPG"
    "zPlIalFNrOiwOTcKPwp5uoBqH3mBIdXsVGmJMaBFgZrypANrpj9+ppJuF/Bk3XASQzTQ+q"
    "nv0Dqn2fFJCPmHVb9hTHxRNU3ZS/IiCgrgFWVV062J+KNtlIMJ/nMjwor92m2ItIbqbUXU"
    "2VSBpzxSOGOAcRNXXHr2KrGlNvbmSCjxdTZKlh7RMm0DERMpdA+dvwIINPpOZLeNArxw8l"
    "NYqRp5Ww6rLOkUBK0ZIFn21xBpZToptngZb8YTxUbA/RWElwVydxMqlOgWwPbxnKrcOnUT"
    "KNdmvGXxYObljrC0fU1bbmH2B3N5z0q10z9dQ3hpsqEbk34y9PU16dObK+Fao36aJhQ3Jg"
    "PHb4VKCWqAprHiH7bi7+SaI63LqVvclQ3gtMblwNQ6bLd3lncOwNY+vjmwER4RdttE7OUa"
    "LiTo4fC8SzEODp/jKdm/4Q8EPrF7w2kzKDm9RLiatf3LIJjqhNarMyEYtG5VBUiFlxYdSY"
    "xaUdn7yVb2ESy80VNTOw81PppifTSKYLlXJceKKyfRsky6HVPNir4oMKGGTANhQ0OAvWoX"
    "9C46bfDx/DqLupV/MxhLtTQh+LcEtfCOFVBfKLIjZfGpRAYpM/qtu97NdDT+nY3G6va/zv"
    "Sn3rj/efRl0u8CelKiFbZN5Nb36rtVvejnQW942wUa1JVyeGB4daBj2BYYoNQsG/PiUISX"
    "hpr0BpQpbOfKwoY0Syh5AUWWT+F1CotCfI1NC9CjQWaCcmWKFcqCvdnkYzqzFWQUJ8jE2g"
    "tSdhW1KKgLdWmzKpJuaX2LoEyrIf8T2y8Sp+WCn6bEnMh4bJ9AKnKVhtRCkft8g+1hbKGi"
    "0AUXY1/Y03JzR1I/hDs//ZQCYvpUchFRdi8IMrPPWHacYnVLDxx6qCQEyfvIwg4Uh+7Mpa"
    "8e6ntAvu3f3D/0Bu9+bl+FvMbbDqbnEYSxvswEsZ+uwXgvxtwcIwavR3I0skWJgXNb1RSW"
    "u87evA3WM/v8fN5JJ2qkgPui0+6kn9NU85IygB6gq8icbr0p0iTWZ7QXZBIflVxafF9tqA"
    "ODajEu0M7fWLdW+UF+KQA502clg0rBojt2kLCq8L8N6HxnsE0hC6OfpsTiXmtm/3R9sWD/"
    "vj+f2ZeLa/r39U+dDzP76rxzPbM/KJ0PXUDvK+gneh9d0O2d/a+8p9fO4Yc2eDjP2nY9f7"
    "F8a2GU6b9Rdu0NV4zQZotbLIxv1x0k03+hPGf8gJRXV9eXlCsf5vIFgC9Qdd7o2BWTY6yi"
    "SV+B7kKmhQmKsb/s5U6EtszcyUPUzBH3hYYxidFV91eV31HVKCwpj5rxHJhMaJYczNZmpc"
    "orwF8VqCbzaCCCFKfj5pqOoP7orD/gyftp+27mB76MVI0ld66QulyJSp9R4qoIQuvcJJ8r"
    "AcGHzwRJwzAmZGAv0EHCqoBs/SNvMVMIbJUgicD4NO9kQTNEVm5Z80r5QCXLn6/ed6jkMr"
    "/8mf5LJZculygvfmb/fmAyjXw9Z1Lm9U/8Ofopq4SZvzfVwBtEpOcXUetCgK4iCyJPi5mQ"
    "YcFEm9jUzf0S4paoEQ3Ti4YIWjaJqz33y2Q0TNhxfDThmazKFvgPL2t5Kutk678Wti4zNL"
    "kUQvc984x933+3imcEwyjAiEjueTjNvB1MOmADRFosQ/IsLaDMWjmpYq1yYkhLfB7kwYGT"
    "ZP/Tr9ZN1t9JBPsAUYO6OOr+1xTAPUTWIC+O/Bopaow8k3wCbAnKsf2zrxXd/lt/GStsYb"
    "ML/qCy5b/b4EVVkO+jAXUK2hp2gU0oiyAiKtT4h7+P1g5OcmywlohEh5ok3GAtSlniRdTS"
    "0QsiwFzhjQ4s7GZkp7RDFL2wmBNAw0SR+IUIS/Z7DwKEJeZIxoiR/KP6tqDxCjZRuA/0lI"
    "+S1wH0N5vyHEXhLvMJ5E27+YOzf5f/kyXG25d7VFzBqhcoQ/EewF97Nz0W5u1Qi/UAphN2"
    "0r/tuv0VZvpj7wv/bECbfi6HhSmS2ZWFn5FBCmSrgXTFtUaK8PWxP7zlHHPpZ3rv8XE8+s"
    "r4Aw2D4BfGsXH/l/7NlF0j6H+RbJWMa0yEEtnvQmR1OHEKCAytZ5PTFqZ/rVkCrAw0LD93"
    "ARN1X4GziIHTJYJqPWtDIJOi6Yda2Lyvb2GTph9q3bjuYbSvHyrvzDV/FSu9EiQqc7BDMc"
    "258t6Amya1J2hSy2QwJD7Xo4QNvAdLDflAi0LdlMVpR9p+hudYis6fTb/alOgK9qt1D7cc"
    "kE1dJ6tWh2FatgSFiGN6sPqbaYViSUR6sPo6d1VMPk2sAhW1Hb5lb9BKwlZ0P8LKgFRAhb"
    "HA/EquNhaehgcrj0nRtXDSOmRNma78RfvkMl2sNsaRlvXQECW22NbeU2LhI3kZGKDUdXbq"
    "zkpnu81kVw5QNhbGslgY09iVRb1ljZtMyE3mLQ1Ru1aErjFrlaUuec1BbZriFmKDbbqJ5t"
    "tNNLov1M9EmDuwyZX0442vu1OpsWynQDd8hgtbUU9pxAlU1o+x3oQr7yebbSLl/g9aa1oj"
    "HYE1Mk3WO9HCANOP0JkO/+R1MzeYPCNm2Ybq2mwDE+mKCaCu0L8sS+NlTAH6Rr9Ce6XEMo"
    "pkpp7mG9LUtN9pswp9tGnVW7R96VnVhZpuec+X2vbg9ZyWFMYoBaraq6SoS2RabYBfEGFT"
    "jVJAx9DdBhrVVyVomnRDZsUjylMcCL7GlzJITnTykVQ31SmPXIGTpCy5e1SEH/sNPjuqGh"
    "p7KmLciQkfi1p3KpiRkFvo+sS7YvquTPlHa6bf9e4HzAK7oHsps8je9IY3/QG/JDMwNK0s"
    "dlkFKbaBpOe4el17KnUHqErc44RJZn4JktcaRC+USW2AzpZnwDv7uhedLt14MjHlFP04oG"
    "WhtWEJF/Xy0xVnKTk/rTiXR10pDZqWhAiJq+y1L13NT9WYpdOZpZnak6DI7+nBEKCqH9Qn"
    "6HLhIkbVTlUTdquFiSvTHvq7lLXcxtd8c88gU8eQN/wuM7+ZHJmBzz6yhr9l5u8GyStosW"
    "7sYl3cw3T1OydP0IsIaSpLtNwbTJSk6ERIS4w4j10D0/7D44DOcaai/jL6eHc/vJ98zqLY"
    "nEBiabJLv8MooCaS4gSRFFujvRCsIaoG2LhsQVk1xCdsmKwJU0mTKuhiFsX5hA7/soGcPl"
    "MwOMMOh6p4qz0HeO/4UF+M6u0PaeENbY1NIFChgUBvE6YyRgtECNT6zCPQiolTCT7Q3heo"
    "QtxHJe5eOH1i0R8tU6bTxYWVBxo0wSAlCQY57P2sRGAI3fSGXWDKUJ/pd6PBYPTUdR1mM3"
    "3Q77Eu6FRpmem3/d6gyzOKs6iZObfihhb98rntFg4LpW3uqy8fJMxWYz4TZ7w1IaLos0HA"
    "ZoV0AHWAIKFbLAHOFkT/eEbIcHp026ZTKKAs9ehXdAOlEGYxAYRIGxtAYwOomMCUt6rqFw"
    "BSYuonaVTUGExdAzvbN8WQjRI2U/agBYBPxxxUKE9On3jjVWwWp1Wl/Mv3sIbqm5I5YPzE"
    "R/viDlataZwW3+giTpO40hgC6mIIcPaPPYaA7QaTwhDAF2tTYaReSn/CiZXsQt4SlDhMdq"
    "FaJphjawX+ZwycM4a+Hs9YWqu6+qNB8JLANdj+lrd36tff+DLt3d11WXHoxYLV9BhPh/0x"
    "K+pBLPp+LKb84bF3/2nIQsrXBqQHTRbG5B9RLtoKpQIdUFoewsB72bcPpfiTSJYqP6MYuS"
    "MZ6wBRiQEvUzQzxcwmMeG1e1F2KRqI00LMO47FKtx7cfaT1Q/sk2SWbFFD3wyVIDODJTZh"
    "iMpEnLZsg2V9IirdsJ8BWIyfCd4DBb6aAFrgCdFJl7IBQ0VstKmCUilfj5oUVZ0OLCyeIk"
    "5et6IUkKleZwLMbPHf3TRgIj9VbyWGgWRAS6jBVyxx/bbm0yRONeGx36FrrOn4cGovQ1Mu"
    "35tAx5fLT7bP7vDeRUCFwi8EqmZHIq8qtmElQR5Y+szPcCROdfTKnLS++Bj9aVMpdZ0Y8b"
    "e73d5v5t8+mLIu1RNlFIBeGwYdIcX8p9sCbk73FQWoVOLkT0PtDDwSVaYiKJ0iPJDHgMRk"
    "JaWwzr8FUB5aZrQy1Ym+o/FClMsLwWLtHHxiRfPDJvDAACUWz1tjXlaF8LIqk96g3wUm1D"
    "LZYHOOMzQINhCxXo9iQ2SQMrPirnczHY1/Z6PJFiavM/2pN+5/Hn2ZUK7QjRmtMN1JZvro"
    "7u7+hl7CiwXdXmb6oDdkoaJQL0nNG4KWsc1F93VxXcYfwmXiT0ZN9gSdqumXa8yDSOXrmB"
    "Ige4NwI7TZ4nBLhngxsbV0BUJprcbM7Fskq2uoJcQ9+8jClgOH7sylLw3wrfXMPj+fd462"
    "zd32b+4feoN3F512J4SvN/UvzyMR5hww+C0Tzg5Zg3MKnGWkaqwy84pq6Ssrw8yOH6Ay2O"
    "eG+pUA6AsNYyIx90gGwKPEVQHb+kfeU10EdANvEJGeX7Js3xHaqkD+/LX3NvsKUyYy7N9+"
    "sqpg/GpDp+ahO7udv6l+v8oP+ksB6Oe2skQURfYGGVgQR149VrC3bwMLW2nz5fLmAtOgJY"
    "PZfjLwIEpcPQ7kLdUIg8+ZnxX8AHGVwH8bwBcIWjaJa3uaXBfcT1OOwuDs+2pTGJz1+Yrh"
    "xxR9S7ALbwnqYH/Z57vu/zbdj/bWdT0YDT95j4dZEETbNpSMYQVByiasoCxhBTFhPBHf4t"
    "tk3NbPDROJKxDJUDqcJDbS0RTTf/JOESsXI47PENsmOObnCZ5Y9Hpyh2n/7fY+T7DJHmwa"
    "Sld2hbfB4YbSy8wuvuAIJZZfGBrc2UqxRaI9iJ9Gwy7YYH2mD0YTOoaGzZQB1MU0kc7OPz"
    "99qRPG6sm+pnF03YTXpnH02weaN42j69Y4unSb02lDuouvuVE2gHNUqZouvPXswvvVEfxa"
    "Mcqtd6u9T7F1BcciapkGu3DTeUWspr1t8cVNPNwFRW0/XQ0F7YoI1qmSO5GeRZfaUTXsLT"
    "V7K9iTdY7xM/KmXGprx8fR6FfWT9Whnum3FNAuULCOytxutcnwTYa+vtaMpvjtCdTsoMSY"
    "EtUgUaNoNwVw39iO4U7IHHTtwW6kis3gtMp2cPE25W/zR7gpf/t9lr/1ze0YW1Fw5iebi3"
    "yzJ2VG/ASvEZXYwWaFARX/5BVSgM0aVxBsL1duHa6u23MEEYAXPE+dJ5aqUAPQsS8CTIJ1"
    "StkrRHPjT/5tTfBGucxZ2EC6WEnBHUUunsSTFOv15uOP2/m4fem3z/31yn+JQx+lLC0LMr"
    "py80eb/kosCLOPpMH3EL6mPWfvNUeivaSChAX2ktpeqWwW+w66LI6IMHFlilB+l9ZqWz+K"
    "2zHkDb/LzO9di70M3I4QN7wuM68bV0ey2FJfV0eTa1Y3rqfJNQu2PBJzG8TSNp6DqGDsdX"
    "fNAm8VXDL0FxHT2jWx3ajWStW5Cc47+llG9IZ+K52Fb8IC1+IixoEgUS4MOIldyUSW21HY"
    "aToE1mg9Z2ZQ4jUdAitoumVEKWtM12Iq0GP4xM40b+rk4IsoW+TqCRZHWrdFaAdJ4REKbu"
    "k5cEO0vWfJTgIxpENH4RF1uB2H05EFpuvmlQvWBoEvmKixxShEMLpzh6mgVJoKpu3EfIvK"
    "7lWcV/7I+exI+YL0a4LRvgoJcHfkBiETLJGQ/eiuqliV9nwJSqJpDpajogp6iKjyqhUTUe"
    "Deae+LJoC7Z5pyCkUt3FN75F8QMQVrb/tIypx+n9FneZL0XraoBBB2H68huhfn52ki+M/P"
    "k0P4z6NliTEvsBBFOLmcnI+k+Gpyb+OvyK1u3FH1l449zP7+f2HRumA="
)
