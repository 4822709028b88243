CREATE TABLE "failed_credentials" (
	"kind" text NOT NULL,
	"client" text NOT NULL,
	"window_start" bigint NOT NULL,
	"failures" integer NOT NULL,
	CONSTRAINT "failed_credentials_kind_client_pk" PRIMARY KEY("kind","client")
);
--> statement-breakpoint
CREATE INDEX "failed_credentials_window_idx" ON "failed_credentials" USING btree ("window_start");