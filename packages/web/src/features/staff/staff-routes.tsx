import { Route } from 'react-router';

export const staffRoutes = [<Route key="staff" path="/staff/*" element={<main><h1>Staff</h1></main>} />];
