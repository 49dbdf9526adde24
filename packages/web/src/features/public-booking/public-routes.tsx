import { Route } from 'react-router';

export const publicRoutes = [<Route key="home" path="/" element={<main><h1>Myomap</h1></main>} />];
