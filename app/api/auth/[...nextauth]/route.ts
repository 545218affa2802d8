export { GET, POST } from "@/lib/dashboard";
