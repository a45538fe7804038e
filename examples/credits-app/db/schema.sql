-- The local database as SCHEMA_VERIFICATION_REPORT.md found it.
-- Better Auth's tables (users, sessions, accounts, verifications) and teams came from Drizzle
-- migrations; the credit tables were created by the FastAPI service's SQLModel create_all
-- (hence `character varying`), and their foreign keys point at user_credits.

CREATE TABLE users (
    id text PRIMARY KEY,
    name text NOT NULL,
    email text NOT NULL,
    email_verified boolean NOT NULL,
    image text,
    avatar text,
    avatar_url text,
    created_at timestamp NOT NULL,
    updated_at timestamp NOT NULL,
    stripe_customer_id text,
    CONSTRAINT users_email_unique UNIQUE (email)
);

CREATE TABLE sessions (
    id text PRIMARY KEY,
    expires_at timestamp NOT NULL,
    token text NOT NULL,
    created_at timestamp NOT NULL,
    updated_at timestamp NOT NULL,
    ip_address text,
    user_agent text,
    user_id text NOT NULL,
    CONSTRAINT sessions_token_unique UNIQUE (token),
    CONSTRAINT sessions_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE accounts (
    id text PRIMARY KEY,
    account_id text NOT NULL,
    provider_id text NOT NULL,
    user_id text NOT NULL,
    access_token text,
    refresh_token text,
    id_token text,
    access_token_expires_at timestamp,
    refresh_token_expires_at timestamp,
    scope text,
    password text,
    created_at timestamp NOT NULL,
    updated_at timestamp NOT NULL,
    CONSTRAINT accounts_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE verifications (
    id text PRIMARY KEY,
    identifier text NOT NULL,
    value text NOT NULL,
    expires_at timestamp NOT NULL,
    created_at timestamp,
    updated_at timestamp
);

CREATE TABLE teams (
    id text PRIMARY KEY,
    name text NOT NULL,
    credits integer DEFAULT 0 NOT NULL,
    owner_id text,
    created_at timestamp DEFAULT now() NOT NULL,
    updated_at timestamp DEFAULT now() NOT NULL,
    CONSTRAINT teams_owner_id_users_id_fk FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE user_credits (
    user_id character varying NOT NULL,
    credits integer DEFAULT 0 NOT NULL,
    total_credits_purchased integer DEFAULT 0 NOT NULL,
    team_id character varying,
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    updated_at timestamp without time zone DEFAULT now() NOT NULL,
    PRIMARY KEY (user_id),
    FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    FOREIGN KEY (team_id) REFERENCES teams (id)
);

CREATE TABLE credit_transactions (
    id character varying NOT NULL,
    user_id character varying NOT NULL,
    team_id character varying,
    amount integer NOT NULL,
    type character varying NOT NULL,
    operation character varying,
    resource_id character varying,
    api_key_id character varying,
    transaction_metadata text,
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY (user_id) REFERENCES user_credits (user_id),
    FOREIGN KEY (team_id) REFERENCES teams (id)
);

CREATE INDEX ix_credit_transactions_user_id ON credit_transactions (user_id);
CREATE INDEX ix_credit_transactions_type ON credit_transactions (type);

CREATE TABLE api_key_credits (
    api_key character varying NOT NULL,
    user_id character varying NOT NULL,
    team_id character varying,
    credits integer DEFAULT 0 NOT NULL,
    daily_limit integer,
    monthly_limit integer,
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    updated_at timestamp without time zone DEFAULT now() NOT NULL,
    PRIMARY KEY (api_key),
    FOREIGN KEY (user_id) REFERENCES user_credits (user_id),
    FOREIGN KEY (team_id) REFERENCES teams (id)
);
